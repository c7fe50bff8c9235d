package fr.agir.web;

import java.math.BigDecimal;
import java.text.ParseException;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one way pages read what people type: amounts as French readers write them ("1 500",
 * "1 500,50", "1500.5") into every BigDecimal of a form object or request parameter, shown back
 * with a comma. Ids are path variables (Long) and dates ISO (input type=date), as Spring binds them.
 */
@Configuration
public class WebConfig implements WebMvcConfigurer {

    /**
     * "redirect:" after a form answers 303 See Other (the browser then GETs the page), not 302: the
     * HTTP/1.1 answer of post/redirect/get.
     */
    @Bean
    static BeanPostProcessor seeOtherAfterPost() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof ThymeleafViewResolver resolver) {
                    resolver.setRedirectHttp10Compatible(false);
                }
                return bean;
            }
        };
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(BigDecimal.class, new Formatter<BigDecimal>() {
            @Override
            public BigDecimal parse(String text, Locale locale) throws ParseException {
                try {
                    return FormErrors.decimal(text);
                } catch (NumberFormatException e) {
                    throw new ParseException(text, 0);
                }
            }

            @Override
            public String print(BigDecimal value, Locale locale) {
                return value.toPlainString().replace('.', ',');
            }
        });
    }
}
