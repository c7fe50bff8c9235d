package fr.agir.payment.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ImputationPropertiesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PaymentOrderConfig.class);

    @Test
    void defaultsAreTheDepartmentsGrantImputations() {
        runner.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            ImputationProperties p = ctx.getBean(ImputationProperties.class);
            assertThat(p.of("OPERATING")).isEqualTo(new ImputationProperties.Line("65", "6574", "93"));
            assertThat(p.of("INVESTMENT")).isEqualTo(new ImputationProperties.Line("204", "20421", "93"));
        });
    }

    @Test
    void configurationOverridesThem() {
        runner.withPropertyValues("agir.finance.imputation.operating.chapter=017",
                        "agir.finance.imputation.operating.article=65748", "agir.finance.imputation.operating.function=58")
                .run(ctx -> assertThat(ctx.getBean(ImputationProperties.class).of("OPERATING"))
                        .isEqualTo(new ImputationProperties.Line("017", "65748", "58")));
    }
}
