package org.civicledger.domain.idea;

import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.municipality.MunicipalityRegistry;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.InvalidField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdeaTest {

    private static final UUID ID = UUID.fromString("0b9f6b0e-7d0a-4a43-9f43-6c1c1f2f7a10");
    private static final Pseudonym AUTHOR = new Pseudonym("p-0123456789abcdef");

    private AggregateTestFixture<Idea> fixture;
    private final Set<String> registered = Set.of("mostar");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Idea.class);
        fixture.registerInjectableResource((MunicipalityRegistry) id -> registered.contains(id.slug()));
    }

    private SubmitIdea submit(String municipality, String localCommunity) {
        return new SubmitIdea(new IdeaId(ID), new MunicipalityId(municipality),
                LocalCommunity.optional(localCommunity), new Topic("Public-Lighting"),
                new Title("  Rasvjeta na Starom mostu "), new Description("Više svjetla noću."),
                Language.ofTag("bs"), Channel.WEB, AUTHOR, null);
    }

    @Test
    void anIdeaForARegisteredMunicipalityIsSubmitted() {
        fixture.givenNoPriorActivity()
                .when(submit("mostar", "Stari Grad"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new IdeaSubmitted(ID.toString(), "mostar", "Stari Grad", "public-lighting",
                        "Rasvjeta na Starom mostu", "Više svjetla noću.", "bs", Channel.WEB, AUTHOR.value(), null));
    }

    @Test
    void anIdeaWithoutLocalCommunityIsForTheWholeMunicipality() {
        fixture.givenNoPriorActivity()
                .when(submit("mostar", "  "))
                .expectEvents(new IdeaSubmitted(ID.toString(), "mostar", null, "public-lighting",
                        "Rasvjeta na Starom mostu", "Više svjetla noću.", "bs", Channel.WEB, AUTHOR.value(), null));
    }

    @Test
    void anIdeaForAnUnknownMunicipalityIsRefused() {
        fixture.givenNoPriorActivity()
                .when(submit("atlantis", null))
                .expectException(InvalidField.class)
                .expectExceptionMessage("no municipality 'atlantis' is registered")
                .expectNoEvents();
    }

    @Test
    void aSubmittedIdeaStartsOpenForSupport() {
        fixture.givenNoPriorActivity()
                .when(submit("mostar", null))
                .expectState(idea -> org.assertj.core.api.Assertions.assertThat(idea.status())
                        .isEqualTo(IdeaStatus.SUBMITTED));
    }
}
