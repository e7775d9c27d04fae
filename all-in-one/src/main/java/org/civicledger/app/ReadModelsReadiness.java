package org.civicledger.app;

import org.civicledger.query.readmodel.ReadModels;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness ({@code /actuator/health/readiness}): ready only once there is a generation of the read
 * models to answer from and its pass has caught up with the events. While the read models are built from the
 * events (a first start, a new layout), reads answer 503 and this says why.
 */
@Component("readModelsHealthIndicator")
class ReadModelsReadiness implements HealthIndicator {

    private final ReadModels models;

    ReadModelsReadiness(ReadModels models) {
        this.models = models;
    }

    @Override
    public Health health() {
        if (models.ready()) {
            return Health.up().withDetail("generation", models.current().number()).build();
        }
        Health.Builder building = Health.outOfService();
        models.progress().forEach(p -> building.withDetail("generation " + p.generation(), p));
        return building.build();
    }
}
