package org.civicledger.benchmarks.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicledger.domain.bench.BenchCommissioned;
import org.civicledger.domain.bench.BenchRegistered;
import org.civicledger.domain.bench.BenchTelemetryRecorded;
import org.civicledger.domain.bench.CommissionBench;
import org.civicledger.domain.bench.RecordBenchTelemetry;
import org.civicledger.domain.bench.RegisterBench;
import org.civicledger.domain.consultation.AnswerConsultation;
import org.civicledger.domain.consultation.ConsultationAnswered;
import org.civicledger.domain.consultation.ConsultationOpened;
import org.civicledger.domain.consultation.OpenConsultation;
import org.civicledger.domain.cso.ApproveCso;
import org.civicledger.domain.cso.CsoApproved;
import org.civicledger.domain.cso.CsoRegistered;
import org.civicledger.domain.cso.CsoRegistrationNumberClaimed;
import org.civicledger.domain.cso.ProtocolPrinciple;
import org.civicledger.domain.cso.RegisterCso;
import org.civicledger.domain.cso.RegistrationNumberClaim;
import org.civicledger.domain.idea.ActionForwarded;
import org.civicledger.domain.idea.AnswerIdea;
import org.civicledger.domain.idea.CsoValidationRecorded;
import org.civicledger.domain.idea.ForwardAction;
import org.civicledger.domain.idea.IdeaAnswered;
import org.civicledger.domain.idea.IdeaCompleted;
import org.civicledger.domain.idea.IdeaSubmitted;
import org.civicledger.domain.idea.IdeaValidated;
import org.civicledger.domain.idea.ProgressReported;
import org.civicledger.domain.idea.ReportProgress;
import org.civicledger.domain.idea.SubmitIdea;
import org.civicledger.domain.idea.ValidateIdea;
import org.civicledger.domain.idea.ValidationDecision;
import org.civicledger.domain.idea.ValidationQuorum;
import org.civicledger.domain.shared.TextVault;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.municipality.MunicipalityRegistered;
import org.civicledger.domain.municipality.RegisterMunicipality;
import org.civicledger.domain.vote.CastVote;
import org.civicledger.domain.vote.VoteCast;

/**
 * The bulk path: the events a {@link DatasetPlan} makes, written down directly instead of by sending its
 * commands. Each planned command is turned into the events its aggregate records for it — the same
 * payloads, in the same streams (aggregate identifier and type), with the same sequence numbers — for
 * the plan's commands only, which the plan has already made valid. {@code DatasetTest} proves it: a plan
 * loaded through the command path and the same plan written here store equal events.
 */
public final class DatasetEvents {

    /** One event: its stream (aggregate type and identifier), its place in that stream, and its payload. */
    public record Planned(String aggregateType, String aggregateId, long sequence, Object payload) {
    }

    private final List<Planned> events = new ArrayList<>();
    private final Map<String, Long> nextSequence = new HashMap<>();
    /** Per idea: its municipality and the CSOs endorsing its current version, in order. */
    private final Map<String, String> ideaMunicipality = new HashMap<>();
    private final Map<String, List<String>> endorsing = new LinkedHashMap<>();
    private final int quorum;
    private final TextVault texts;

    private DatasetEvents(int quorum, TextVault texts) {
        this.quorum = quorum;
        this.texts = texts;
    }

    /**
     * The events of {@code commands}, in order, under the validation quorum the system runs with, their
     * texts sealed by the system's own vault (as its aggregates seal them).
     */
    public static List<Planned> of(List<Object> commands, ValidationQuorum quorum, TextVault texts) {
        DatasetEvents events = new DatasetEvents(quorum.endorsements(), texts);
        commands.forEach(events::add);
        return events.events;
    }

    private void add(Object command) {
        if (command instanceof RegisterMunicipality c) {
            record("Municipality", c.municipalityId().toString(), new MunicipalityRegistered(c.municipalityId().slug(), c.name()));
        } else if (command instanceof RegisterCso c) {
            String cso = c.csoId().value().toString();
            record("RegistrationNumberClaim", RegistrationNumberClaim.streamOf(c.registrationNumber()),
                    new CsoRegistrationNumberClaimed(c.registrationNumber().canonical(), cso));
            record("Cso", c.csoId().toString(), new CsoRegistered(cso, c.name(), c.registrationNumber().value(),
                    c.municipalityIds().stream().map(MunicipalityId::slug).toList(), c.focusAreas(), texts.seal(c.contactEmail(), null),
                    List.of(ProtocolPrinciple.values()), c.registrant().value()));
        } else if (command instanceof ApproveCso c) {
            record("Cso", c.csoId().toString(), new CsoApproved(c.csoId().value().toString(), c.coordinator().value()));
        } else if (command instanceof RegisterBench c) {
            record("Bench", c.benchId().toString(), new BenchRegistered(c.benchId().value(), c.municipalityId().slug(),
                    c.location().lat(), c.location().lon(), c.publicKey().base64(), c.admin().value()));
        } else if (command instanceof CommissionBench c) {
            record("Bench", c.benchId().toString(), new BenchCommissioned(c.benchId().value(), c.admin().value()));
        } else if (command instanceof RecordBenchTelemetry c) {
            record("BenchReport", c.reportId().toString(), new BenchTelemetryRecorded(c.reportId().messageId().toString(),
                    c.benchId().value(), c.sentAt(), c.batteryPercent(), c.solarWatts(), c.wifiClients(),
                    c.chargingSessions(), c.temperatureCelsius()));
        } else if (command instanceof OpenConsultation c) {
            record("Consultation", c.consultationId().toString(), new ConsultationOpened(c.consultationId().value().toString(),
                    c.actingFor().slug(), texts.seal(c.question().toJson(), null),
                    c.options().stream().map(o -> new ConsultationOpened.Option(o.optionId(),
                            texts.seal(o.label().toJson(), null))).toList(),
                    c.opensAt() == null ? c.now() : c.opensAt(), c.closesAt(), c.officer().value(),
                    c.aboutIdea() == null ? null : c.aboutIdea().value().toString()));
        } else if (command instanceof AnswerConsultation c) {
            record("ConsultationAnswer", c.answerId().toString(), new ConsultationAnswered(
                    c.answerId().consultationId().value().toString(), c.optionId(), c.answerId().respondent().value()));
        } else if (command instanceof SubmitIdea c) {
            String idea = c.ideaId().value().toString();
            ideaMunicipality.put(idea, c.municipalityId().slug());
            endorsing.put(idea, new ArrayList<>());
            record("Idea", c.ideaId().toString(), new IdeaSubmitted(idea, c.municipalityId().slug(),
                    c.localCommunity() == null ? null : c.localCommunity().name(), c.topic().value(),
                    texts.seal(c.title().value(), c.author().erasure()), texts.seal(c.description().value(), c.author().erasure()),
                    c.language().tag(), c.channel(), c.author().pseudonym().value(), c.benchId(), null));
        } else if (command instanceof CastVote c) {
            record("Ballot", c.ballotId().toString(), new VoteCast(c.ballotId().ideaId().value().toString(),
                    c.ballotId().voter().value()));
        } else if (command instanceof ValidateIdea c) {
            String idea = c.ideaId().value().toString();
            String cso = c.csoId().value().toString();
            record("Idea", c.ideaId().toString(), new CsoValidationRecorded(idea, cso, c.decision(), texts.seal(c.reason().text(), null), 1,
                    c.validator().value()));
            if (c.decision() != ValidationDecision.ENDORSE) {
                throw new IllegalArgumentException("the plan only endorses: " + command);
            }
            List<String> endorsers = endorsing.get(idea);
            endorsers.add(cso);
            if (endorsers.size() == quorum) {
                record("Idea", c.ideaId().toString(), new IdeaValidated(idea, List.copyOf(endorsers), quorum));
            }
        } else if (command instanceof ForwardAction c) {
            String idea = c.ideaId().value().toString();
            record("Idea", c.ideaId().toString(), new ActionForwarded(idea, c.csoId().value().toString(),
                    ideaMunicipality.get(idea), c.kind(), texts.seal(c.description().value(), null), c.member().value()));
        } else if (command instanceof AnswerIdea c) {
            String idea = c.ideaId().value().toString();
            record("Idea", c.ideaId().toString(), new IdeaAnswered(idea, ideaMunicipality.get(idea), c.decision(),
                    texts.seal(c.rationale().text(), null), c.department().name(), c.officer().value()));
        } else if (command instanceof ReportProgress c) {
            String idea = c.ideaId().value().toString();
            String note = c.note() == null || c.note().isBlank() ? null : c.note().strip();
            record("Idea", c.ideaId().toString(), new ProgressReported(idea, c.percent(), texts.sealOrNull(note, null),
                    c.officer().value()));
            if (c.percent() == 100) {
                record("Idea", c.ideaId().toString(), new IdeaCompleted(idea));
            }
        } else {
            throw new IllegalArgumentException("the bulk path does not know " + command.getClass().getSimpleName());
        }
    }

    private void record(String type, String aggregateId, Object payload) {
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        events.add(new Planned(type, aggregateId, sequence, payload));
    }
}
