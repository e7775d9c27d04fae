package org.civicledger.app;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The heading of the OpenAPI document served at {@code /v3/api-docs} (paths come from the controllers). */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    @Bean
    OpenAPI civicLedgerApi() {
        return new OpenAPI()
                .info(new Info().title("Civic Ledger API").version("v1")
                        .description("Citizen ideas, votes, CSO validations and municipal answers, as events; "
                                + "dashboards and the transparency log read from them. Errors are "
                                + "application/problem+json (RFC 9457); see docs/api.md for every problem type.")
                        .license(new License().name("See the repository")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
