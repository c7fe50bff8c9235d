package fr.agir.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.support.RequestContext;
import org.springframework.web.servlet.view.AbstractTemplateView;
import org.thymeleaf.spring6.context.webmvc.SpringWebMvcThymeleafRequestContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.naming.SpringContextVariableNames;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * A refusal or failure shown to a browser: the problem's French words in the shared layout, with
 * a way back. Used where no controller names a view (exception handlers, the /error page).
 */
@Component
public class ErrorPageRenderer {
    private final SpringTemplateEngine templates;
    private final ApplicationContext applicationContext;

    public ErrorPageRenderer(SpringTemplateEngine templates, ApplicationContext applicationContext) {
        this.templates = templates;
        this.applicationContext = applicationContext;
    }

    /** True when the request is a browser's page request (it accepts HTML and is not under /api/). */
    public static boolean wantsPage(String accept, String uri) {
        return accept != null && accept.contains("text/html") && !uri.startsWith("/api/");
    }

    public ResponseEntity<Object> page(ProblemDetail problem, String back, String backLabel) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.TEXT_HTML)
                .body(render(problem.getStatus(), problem.getTitle(), problem.getDetail(), back, backLabel));
    }

    public String render(int status, String title, String detail, String back, String backLabel) {
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = attributes.getRequest();
        HttpServletResponse response = attributes.getResponse();
        Map<String, Object> model = new HashMap<>();
        model.put("status", status);
        model.put("problemTitle", title);
        model.put("problemDetail", detail);
        model.put("back", back);
        model.put("backLabel", backLabel);
        // What Spring's ThymeleafView puts in a page's context, so that the layout's beans (@nav),
        // links and forms (CSRF field) work here as on any page.
        model.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(applicationContext, null));
        RequestContext requestContext = new RequestContext(request, response, request.getServletContext(), model);
        model.put(AbstractTemplateView.SPRING_MACRO_REQUEST_CONTEXT_ATTRIBUTE, requestContext);
        model.put(SpringContextVariableNames.THYMELEAF_REQUEST_CONTEXT,
                new SpringWebMvcThymeleafRequestContext(requestContext, request));
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response), Locale.FRENCH, model);
        return templates.process("error/page", context);
    }
}
