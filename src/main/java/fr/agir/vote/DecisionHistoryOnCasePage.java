package fr.agir.vote;

import fr.agir.application.Application;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives the instructor's case page (instruction/case) the délibérations on its application: instruction
 * comes before the vote and may not read it (ArchitectureTest), so the vote adds its part to the page's
 * model, as {@code decisions}, when the page is rendered.
 */
@Configuration
public class DecisionHistoryOnCasePage implements WebMvcConfigurer, HandlerInterceptor {
    static final String CASE_VIEW = "instruction/case";

    private final DecisionRevisionService revisions;

    public DecisionHistoryOnCasePage(DecisionRevisionService revisions) {
        this.revisions = revisions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/instruction/candidatures/*", "/instruction/candidatures/*/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (view != null && CASE_VIEW.equals(view.getViewName())
                && view.getModel().get("app") instanceof Application application) {
            try {
                view.addObject("decisions", revisions.history(application.getId()));
            } catch (AccessDeniedException e) {
                // not the DIEESS's, finance's or an administrator's: no history of délibérations
            }
        }
    }
}
