package org.civicledger.command.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.civicledger.command.DataDirectory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what (contract section 2). Bearer JWTs only, no sessions, no cookies. Reads of
 * public read models are open; every write names the role it needs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

    /** Open to anyone, without a token. */
    static final String[] PUBLIC_READS = {
        "/api/v1/ideas/**", "/api/v1/csos", "/api/v1/csos/**",
        "/api/v1/consultations", "/api/v1/consultations/**", "/api/v1/benches", "/api/v1/benches/**", "/api/v1/municipalities", "/api/v1/municipalities/**", "/api/v1/dashboard",
        "/api/v1/eloge/**", "/api/v1/transparency/**", "/api/v1/export/**", "/actuator/health", "/actuator/health/**",
        "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml"
    };

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json) throws Exception {
        SecurityProblems problems = new SecurityProblems(json);
        JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
        tokens.setJwtGrantedAuthoritiesConverter(SecurityConfiguration::roles);
        http.csrf(csrf -> csrf.disable()) // stateless bearer-token API: no cookies to forge
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(calls -> calls
                        .requestMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/dev/tokens").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/ideas", "/api/v1/ideas/*/votes",
                                "/api/v1/ideas/*/amendments").hasRole(Role.CITIZEN.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/ideas/*/votes").hasRole(Role.CITIZEN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/ideas/*/validations", "/api/v1/ideas/*/actions")
                                .hasRole(Role.CSO_MEMBER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/ideas/*/responses", "/api/v1/ideas/*/progress")
                                .hasRole(Role.MUNICIPAL_OFFICER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/ideas/*/moderation", "/api/v1/ideas/*/redactions")
                                .hasAnyRole(Role.NETWORK_COORDINATOR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/consultations", "/api/v1/consultations/*/closure",
                                "/api/v1/consultations/*/conclusion").hasRole(Role.MUNICIPAL_OFFICER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/consultations/*/answers").hasRole(Role.CITIZEN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/eloge/*/self-assessments", "/api/v1/eloge/*/surveys")
                                .hasRole(Role.MUNICIPAL_OFFICER.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/**").hasRole(Role.AUDITOR.name())
                        .requestMatchers("/api/v1/admin/**", "/actuator/metrics", "/actuator/metrics/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/benches", "/api/v1/benches/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/people/me/personal-data").authenticated()
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/people/*/personal-data").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/csos").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/csos/*/approval", "/api/v1/csos/*/rejection",
                                "/api/v1/csos/*/suspension", "/api/v1/csos/*/reinstatement")
                                .hasRole(Role.NETWORK_COORDINATOR.name())
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    private static Collection<GrantedAuthority> roles(Jwt jwt) {
        List<String> names = jwt.getClaimAsStringList("roles");
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (names != null) {
            for (Role role : Role.values()) {
                if (names.contains(role.name())) {
                    authorities.add(new SimpleGrantedAuthority(role.authority()));
                }
            }
        }
        return authorities;
    }

    @Bean
    DevTokenKeys devTokenKeys(SecuritySettings settings, DataDirectory data) {
        return settings.devTokens() ? DevTokenKeys.load(data) : null;
    }

    @Bean
    JwtDecoder jwtDecoder(SecuritySettings settings, org.springframework.beans.factory.ObjectProvider<DevTokenKeys> devKeys) {
        NimbusJwtDecoder decoder;
        if (settings.devTokens()) {
            decoder = NimbusJwtDecoder.withPublicKey(devKeys.getObject().publicKey()).build();
        } else if (settings.jwkSetUri() != null && !settings.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
        } else {
            throw new IllegalStateException("No token issuer configured: set civic.security.jwk-set-uri "
                    + "(and civic.security.issuer, civic.security.audience) or, for a local trial only, "
                    + "civic.security.dev-tokens=true");
        }
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.contains(settings.audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()), audience));
        return decoder;
    }
}
