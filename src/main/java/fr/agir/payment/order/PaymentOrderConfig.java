package fr.agir.payment.order;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds agir.finance.imputation.* (ImputationProperties). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImputationProperties.class)
class PaymentOrderConfig {
}
