package fr.agir.shared;

import jakarta.annotation.PostConstruct;
import org.springframework.aot.AotDetector;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.annotation.AutowiredAnnotationBeanPostProcessor;
import org.springframework.beans.factory.annotation.InitDestroyAnnotationBeanPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring AOT (issue 21, cold start: the production image starts with {@code -Dspring.aot.enabled=true}) generates
 * the injection of {@code @Autowired} fields and the calls of {@code @PostConstruct} methods from the type a
 * {@code @Bean} method declares, not from the object it returns. Camunda's starter declares its engine configurations
 * and plugins by their interfaces ({@code CamundaProcessEngineConfiguration camundaProcessEngineConfiguration()
 * { return new DefaultProcessEngineConfiguration(); }}, {@code ProcessEnginePlugin spinProcessEnginePlugin()}), whose
 * {@code @Autowired} fields (the properties, the data source, the transaction manager, the job executor, Spin's data
 * formats) and {@code @PostConstruct} methods (the metrics') are on the implementations: with AOT alone the fields stay
 * null and the engine fails to start ({@code NullPointerException} on {@code camundaBpmProperties}).
 *
 * <p>For exactly those beans (declared by an interface, so AOT generated no injection and no init call for them; not
 * a factory bean), this injects the fields, and calls the {@code @PostConstruct} methods when AOT registered none, at
 * runtime, as the non-AOT context does. Without AOT it does nothing.
 */
@Configuration(proxyBeanMethods = false)
class AotInjection {

    @Bean
    static BeanPostProcessor aotInjectionOfLessPreciselyDeclaredBeans() {
        return new Injection();
    }

    static final class Injection implements BeanPostProcessor, BeanFactoryAware {
        private ConfigurableListableBeanFactory beanFactory;
        private AutowiredAnnotationBeanPostProcessor autowiring;
        private InitDestroyAnnotationBeanPostProcessor init;

        @Override
        public void setBeanFactory(BeanFactory beanFactory) {
            if (AotDetector.useGeneratedArtifacts() && beanFactory instanceof ConfigurableListableBeanFactory listable) {
                this.beanFactory = listable;
                autowiring = new AutowiredAnnotationBeanPostProcessor();
                autowiring.setBeanFactory(beanFactory);
                init = new InitDestroyAnnotationBeanPostProcessor();
                init.setInitAnnotationType(PostConstruct.class);
            }
        }

        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
            if (beanFactory == null || !beanFactory.containsBeanDefinition(beanName)) {
                return bean;
            }
            if (!(beanFactory.getMergedBeanDefinition(beanName) instanceof RootBeanDefinition definition)) {
                return bean;
            }
            // Only a bean declared by an interface: AOT generated no injection and no init call for it, so nothing
            // here runs twice. A factory bean's declared type is its product's: AOT handled it by its class.
            Class<?> declared = definition.getResolvableType().resolve();
            if (declared == null || !declared.isInterface() || bean instanceof FactoryBean<?>) {
                return bean;
            }
            autowiring.processInjection(bean);
            if (definition.getInitMethodNames() == null || definition.getInitMethodNames().length == 0) {
                init.postProcessBeforeInitialization(bean, beanName);
            }
            return bean;
        }
    }
}
