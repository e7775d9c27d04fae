package org.civicledger.query.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.civicledger.domain.consultation.BenchOpinionGiven;
import org.civicledger.domain.consultation.ConsultationAnswered;
import org.civicledger.domain.consultation.ConsultationOpened;
import org.civicledger.domain.shared.TestVault;
import org.civicledger.query.readmodel.TestPass;
import org.civicledger.query.readstore.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The consultations projection, applied by a pass: what it keeps does not depend on the order in which events of
 * different consultations arrive (positions of the event stream commit out of order, so the order a running
 * system meets them in is not the order a rebuild replays them in), and each answer and opinion counts once.
 */
class ConsultationProjectionTest {

    private static final String IDEA = "5d0b6a1c-2f0e-4f43-8d2e-0c7a2b9f1e11";
    private static final Instant OPENS = Instant.parse("2026-11-01T10:00:00Z");

    private final TestVault vault = new TestVault();
    private final TestPass asMet = TestPass.of(new ConsultationProjection());
    private final TestPass asReplayed = TestPass.of(new ConsultationProjection());

    @AfterEach
    void tearDown() {
        asMet.close();
        asReplayed.close();
    }

    @Test
    void theConsultationsAboutAnIdeaAreKeptAlikeInWhicheverOrderTheyOpened() {
        opened(asMet, "c-2", "c-1");
        opened(asReplayed, "c-1", "c-2");

        assertThat(asMet.write().all(ConsultationProjection.ABOUT_IDEAS))
                .isEqualTo(asReplayed.write().all(ConsultationProjection.ABOUT_IDEAS));
    }

    @Test
    void theBenchOpinionsGivenAboutAnIdeaAreTheSumOfItsConsultations() {
        opened(asMet, "c-1", "c-2");

        asMet.apply(new BenchOpinionGiven("opinion-1", "c-1", "a", "bench-maglaj-1"), "opinion-1", 0, OPENS);
        asMet.apply(new BenchOpinionGiven("opinion-2", "c-2", "a", "bench-maglaj-1"), "opinion-2", 0, OPENS);

        assertThat(reader(asMet.write()).anonymousOpinionsAbout(IDEA)).isEqualTo(2);
    }

    @Test
    void anAnswerDeliveredTwiceCountsOnce() {
        opened(asMet, "c-1");
        for (int i = 0; i < 6; i++) {
            asMet.apply(new ConsultationAnswered("c-1", "a", "respondent-" + i), "answer-" + i, 0, OPENS);
        }

        asMet.apply(new ConsultationAnswered("c-1", "a", "respondent-0"), "answer-0", 0, OPENS);

        ConsultationView view = reader(asMet.write()).find("c-1").orElseThrow();
        assertThat(view.identifiedAnswers()).isEqualTo(6);
        assertThat(view.options().get(0).identified()).isEqualTo(6);
    }

    @Test
    void aMunicipalitysConsultationsAreListedNewestFirst() {
        opened(asMet, "c-1");
        asMet.apply(consultation("c-2", OPENS.plusSeconds(40 * 86_400L)), "c-2", 0, OPENS);

        assertThat(reader(asMet.write()).list("maglaj", new Page(0, 10)))
                .extracting(ConsultationView::consultationId).containsExactly("c-2", "c-1");
    }

    private ConsultationReader reader(TestPass pass) {
        return new ConsultationReader(pass.reader(), vault, Clock.systemUTC());
    }

    private static void opened(TestPass pass, String... consultations) {
        for (String consultation : consultations) {
            pass.apply(consultation(consultation, OPENS), consultation, 0, OPENS);
        }
    }

    private static ConsultationOpened consultation(String id, Instant opens) {
        return new ConsultationOpened(id, "maglaj", TestVault.text("{\"bs\":\"Koja ulica?\"}"),
                List.of(new ConsultationOpened.Option("a", TestVault.text("{\"bs\":\"A\"}"))), opens,
                opens.plusSeconds(86_400), "officer-pseudonym-0001", IDEA);
    }
}
