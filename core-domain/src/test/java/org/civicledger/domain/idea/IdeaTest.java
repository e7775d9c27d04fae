package org.civicledger.domain.idea;

import static org.civicledger.domain.shared.TestVault.text;

import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.municipality.MunicipalityRegistry;
import org.civicledger.domain.person.ErasureTag;
import org.civicledger.domain.person.Participant;
import org.civicledger.domain.person.Profile;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.TestVault;
import org.civicledger.domain.shared.InvalidField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdeaTest {

    private static final UUID ID = UUID.fromString("0b9f6b0e-7d0a-4a43-9f43-6c1c1f2f7a10");
    private static final Pseudonym AUTHOR = new Pseudonym("p-0123456789abcdef");
    private static final ErasureTag TAG = new ErasureTag("tag-of-the-author");
    private static final Profile PROFILE = new Profile("FEMALE", "25_34", "Stari Grad");

    private AggregateTestFixture<Idea> fixture;
    private final Set<String> registered = Set.of("mostar");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Idea.class);
        fixture.registerInjectableResource((MunicipalityRegistry) id -> registered.contains(id.slug()));
        fixture.registerInjectableResource(new TestVault());
    }

    private SubmitIdea submit(String municipality, String localCommunity) {
        return new SubmitIdea(new IdeaId(ID), new MunicipalityId(municipality),
                LocalCommunity.optional(localCommunity), new Topic("Public-Lighting"),
                new Title("  Rasvjeta na Starom mostu "), new Description("Više svjetla noću."),
                Language.ofTag("bs"), Channel.WEB, new Participant(AUTHOR, TAG, PROFILE), null);
    }

    @Test
    void anIdeaForARegisteredMunicipalityIsSubmitted() {
        fixture.givenNoPriorActivity()
                .when(submit("mostar", "Stari Grad"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new IdeaSubmitted(ID.toString(), "mostar", "Stari Grad", "public-lighting",
                        text("Rasvjeta na Starom mostu", TAG), text("Više svjetla noću.", TAG), "bs", Channel.WEB,
                        AUTHOR.value(), null, text(PROFILE.encode(), TAG)));
    }

    @Test
    void anIdeaWithoutLocalCommunityIsForTheWholeMunicipality() {
        fixture.givenNoPriorActivity()
                .when(submit("mostar", "  "))
                .expectEvents(new IdeaSubmitted(ID.toString(), "mostar", null, "public-lighting",
                        text("Rasvjeta na Starom mostu", TAG), text("Više svjetla noću.", TAG), "bs", Channel.WEB,
                        AUTHOR.value(), null, text(PROFILE.encode(), TAG)));
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

    @Test
    void aBenchIdeaCarriesNoProfileAndItsTextsNoWriter() {
        fixture.givenNoPriorActivity()
                .when(new SubmitIdea(new IdeaId(ID), new MunicipalityId("mostar"), null, new Topic("parks"),
                        new Title("Klupa u parku"), new Description("Još klupa."), Language.ofTag("bs"), Channel.BENCH,
                        Pseudonym.ofBench("mostar-1"), "mostar-1"))
                .expectEvents(new IdeaSubmitted(ID.toString(), "mostar", null, "parks", text("Klupa u parku"),
                        text("Još klupa."), "bs", Channel.BENCH, Pseudonym.ofBench("mostar-1").value(), "mostar-1", null));
    }
}
