package fr.agir.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** Embedded default: the French sign-in form and HTTP Basic, against {@link DemoAccounts}. */
@Component
@ConditionalOnProperty(name = "agir.security.mode", havingValue = "local", matchIfMissing = true)
public class LocalSignIn implements SignIn {

    @Override
    public void configure(HttpSecurity http, AuthenticationEntryPoint apiEntryPoint) throws Exception {
        http.httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint))
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
    }

    @Override
    public AuthenticationEntryPoint pageEntryPoint() {
        return new LoginUrlAuthenticationEntryPoint("/login");
    }

    @Override
    public String apiChallenge(AuthenticationException failure) {
        return "Basic realm=\"Agir\"";
    }

    @Override
    public String apiFailureText(AuthenticationException failure) {
        return "Vous devez vous connecter pour accéder à ce service.";
    }
}
