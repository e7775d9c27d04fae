package org.civicledger.query.readmodel;

import java.util.Map;
import java.util.function.Function;
import org.civicledger.domain.bench.BenchCameBack;
import org.civicledger.domain.bench.BenchCommissioned;
import org.civicledger.domain.bench.BenchDecommissioned;
import org.civicledger.domain.bench.BenchKeyRotated;
import org.civicledger.domain.bench.BenchRegistered;
import org.civicledger.domain.bench.BenchStatusReported;
import org.civicledger.domain.bench.BenchTelemetryRecorded;
import org.civicledger.domain.bench.BenchWentSilent;
import org.civicledger.domain.consultation.BenchOpinionGiven;
import org.civicledger.domain.consultation.ConsultationAnswered;
import org.civicledger.domain.consultation.ConsultationClosed;
import org.civicledger.domain.consultation.ConsultationConcluded;
import org.civicledger.domain.consultation.ConsultationOpened;
import org.civicledger.domain.cso.CsoApproved;
import org.civicledger.domain.cso.CsoRegistered;
import org.civicledger.domain.cso.CsoReinstated;
import org.civicledger.domain.cso.CsoRejected;
import org.civicledger.domain.cso.CsoSuspended;
import org.civicledger.domain.eloge.SelfAssessmentRecorded;
import org.civicledger.domain.eloge.SurveyResultsRecorded;
import org.civicledger.domain.idea.ActionForwarded;
import org.civicledger.domain.idea.CsoValidationRecorded;
import org.civicledger.domain.idea.IdeaAmended;
import org.civicledger.domain.idea.IdeaAnswered;
import org.civicledger.domain.idea.IdeaCompleted;
import org.civicledger.domain.idea.IdeaHidden;
import org.civicledger.domain.idea.IdeaRestored;
import org.civicledger.domain.idea.IdeaSubmitted;
import org.civicledger.domain.idea.IdeaTextRedacted;
import org.civicledger.domain.idea.IdeaValidated;
import org.civicledger.domain.idea.ProgressReported;
import org.civicledger.domain.municipality.MunicipalityRegistered;
import org.civicledger.domain.vote.VoteCast;
import org.civicledger.domain.vote.VoteWithdrawn;

/**
 * The sequencing policy of the pass: the key each event is kept in order by. All events with one key go to one
 * segment, one after the other, so the documents of that key have one writer. The key is the thing a read
 * model is about: an idea for its own events and for the votes cast on it (a ballot's events are in the
 * ballot's stream, but they change the idea's tally); a consultation for its answers and bench opinions; a
 * bench for its reports. Figures that gather many keys (a municipality's day) are kept as one share per
 * segment ({@link Documents#share}). An event of a kind no read model applies has no key here and is passed
 * over.
 */
public final class FactKeys {

    private static final Map<Class<?>, Function<Object, String>> KEYS = Map.ofEntries(
            key(IdeaSubmitted.class, IdeaSubmitted::ideaId),
            key(IdeaAmended.class, IdeaAmended::ideaId),
            key(CsoValidationRecorded.class, CsoValidationRecorded::ideaId),
            key(IdeaValidated.class, IdeaValidated::ideaId),
            key(ActionForwarded.class, ActionForwarded::ideaId),
            key(IdeaAnswered.class, IdeaAnswered::ideaId),
            key(ProgressReported.class, ProgressReported::ideaId),
            key(IdeaCompleted.class, IdeaCompleted::ideaId),
            key(IdeaHidden.class, IdeaHidden::ideaId),
            key(IdeaRestored.class, IdeaRestored::ideaId),
            key(IdeaTextRedacted.class, IdeaTextRedacted::ideaId),
            key(VoteCast.class, VoteCast::ideaId),
            key(VoteWithdrawn.class, VoteWithdrawn::ideaId),
            key(ConsultationOpened.class, ConsultationOpened::consultationId),
            key(ConsultationClosed.class, ConsultationClosed::consultationId),
            key(ConsultationConcluded.class, ConsultationConcluded::consultationId),
            key(ConsultationAnswered.class, ConsultationAnswered::consultationId),
            key(BenchOpinionGiven.class, BenchOpinionGiven::consultationId),
            key(BenchRegistered.class, BenchRegistered::benchId),
            key(BenchCommissioned.class, BenchCommissioned::benchId),
            key(BenchDecommissioned.class, BenchDecommissioned::benchId),
            key(BenchKeyRotated.class, BenchKeyRotated::benchId),
            key(BenchWentSilent.class, BenchWentSilent::benchId),
            key(BenchCameBack.class, BenchCameBack::benchId),
            key(BenchTelemetryRecorded.class, BenchTelemetryRecorded::benchId),
            key(BenchStatusReported.class, BenchStatusReported::benchId),
            key(CsoRegistered.class, CsoRegistered::csoId),
            key(CsoApproved.class, CsoApproved::csoId),
            key(CsoRejected.class, CsoRejected::csoId),
            key(CsoSuspended.class, CsoSuspended::csoId),
            key(CsoReinstated.class, CsoReinstated::csoId),
            key(MunicipalityRegistered.class, MunicipalityRegistered::municipalityId),
            key(SelfAssessmentRecorded.class, e -> e.municipalityId() + ":" + e.year()),
            key(SurveyResultsRecorded.class, e -> e.municipalityId() + ":" + e.year()));

    private FactKeys() {
    }

    /** Whether some read model applies events of this kind. */
    public static boolean known(Class<?> payloadType) {
        return KEYS.containsKey(payloadType);
    }

    /** The key the event is sequenced by; null for a kind no read model applies. */
    public static String keyOf(Object payload) {
        Function<Object, String> key = KEYS.get(payload.getClass());
        return key == null ? null : key.apply(payload);
    }

    @SuppressWarnings("unchecked")
    private static <T> Map.Entry<Class<?>, Function<Object, String>> key(Class<T> type, Function<T, String> key) {
        return Map.entry(type, payload -> key.apply((T) payload));
    }
}
