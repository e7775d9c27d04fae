package org.civicledger.command.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.civicledger.domain.shared.Allowance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Each person may make {@code civic.http.writes-per-person-per-minute} writes a minute (120 unless set),
 * in bursts of as many: more are answered {@code 429} with a problem document and {@code Retry-After}, and
 * change nothing. Counted per authenticated subject, after the token is verified, so no one can spend
 * another person's allowance. Reads are not counted.
 */
@Configuration(proxyBeanMethods = false)
public class WritesPerPerson implements WebMvcConfigurer {

    /** A write over the person's allowance. */
    public static final class TooManyWrites extends RuntimeException {
        private final long retryAfterSeconds;

        TooManyWrites(long retryAfterSeconds) {
            super("Too many writes from this person; retry in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final Allowance allowance;

    public WritesPerPerson(@Value("${civic.http.writes-per-person-per-minute:120}") int perMinute) {
        this.allowance = new Allowance("civic.http.writes-per-person-per-minute", perMinute, Clock.systemUTC());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                        || "OPTIONS".equals(request.getMethod())) {
                    return true;
                }
                Authentication who = SecurityContextHolder.getContext().getAuthentication();
                if (who == null || !who.isAuthenticated() || who.getName() == null) {
                    return true; // refused at the door, or a write open to all (a dev token): not a person's write
                }
                if (!allowance.take(who.getName())) {
                    throw new TooManyWrites(allowance.secondsUntilNext(who.getName()));
                }
                return true;
            }
        }).addPathPatterns("/api/**");
    }
}
