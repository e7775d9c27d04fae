package org.civicledger.query.dashboard;

import java.time.Instant;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.query.readstore.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public dashboards: one municipality's, and the whole network's. */
@RestController
class DashboardReads {

    private final DashboardReader dashboards;

    DashboardReads(DashboardReader dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/api/v1/municipalities/{municipalityId}/dashboard")
    Dashboard municipal(@PathVariable String municipalityId, @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to) {
        String slug = new MunicipalityId(municipalityId).slug();
        Instant start = PeriodParameters.parse("from", from);
        Instant end = PeriodParameters.parse("to", to);
        PeriodParameters.requireOrdered(start, end);
        return dashboards.municipal(slug, start, end)
                .orElseThrow(() -> NotFound.because("No municipality '" + slug + "' is registered"));
    }

    @GetMapping("/api/v1/dashboard")
    Dashboard network(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Instant start = PeriodParameters.parse("from", from);
        Instant end = PeriodParameters.parse("to", to);
        PeriodParameters.requireOrdered(start, end);
        return dashboards.network(start, end);
    }
}
