package org.civicledger.query.dashboard;

import java.util.Map;

/**
 * What citizens raised in one municipality ({@code GET /api/v1/municipalities/{id}/dashboard}).
 *
 * @param ideas counts of ideas: in all, and by status, topic and channel
 */
public record MunicipalDashboard(String municipalityId, String name, IdeaCounts ideas) {

    /** Every status and channel appears, with zero where nothing was counted; topics appear once used. */
    public record IdeaCounts(long total, Map<String, Long> byStatus, Map<String, Long> byTopic,
                             Map<String, Long> byChannel) {
    }

    /** What does the dashboard of this municipality show? Answers a {@link MunicipalDashboard}, or nothing. */
    public record FindMunicipalDashboard(String municipalityId) {
    }
}
