package org.civicledger.benchmarks.dataset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.civicledger.domain.bench.BenchId;
import org.civicledger.domain.bench.BenchKey;
import org.civicledger.domain.bench.CommissionBench;
import org.civicledger.domain.bench.Location;
import org.civicledger.domain.bench.RecordBenchTelemetry;
import org.civicledger.domain.bench.RegisterBench;
import org.civicledger.domain.bench.ReportId;
import org.civicledger.domain.consultation.AnswerConsultation;
import org.civicledger.domain.consultation.AnswerId;
import org.civicledger.domain.consultation.ConsultationId;
import org.civicledger.domain.consultation.ConsultationOption;
import org.civicledger.domain.consultation.MultilingualText;
import org.civicledger.domain.consultation.OpenConsultation;
import org.civicledger.domain.cso.ApproveCso;
import org.civicledger.domain.cso.CsoId;
import org.civicledger.domain.cso.RegisterCso;
import org.civicledger.domain.cso.RegistrationNumber;
import org.civicledger.domain.idea.ActionKind;
import org.civicledger.domain.idea.AnswerDecision;
import org.civicledger.domain.idea.AnswerIdea;
import org.civicledger.domain.idea.Channel;
import org.civicledger.domain.idea.Department;
import org.civicledger.domain.idea.Description;
import org.civicledger.domain.idea.ForwardAction;
import org.civicledger.domain.idea.IdeaId;
import org.civicledger.domain.idea.Language;
import org.civicledger.domain.idea.LocalCommunity;
import org.civicledger.domain.idea.ReportProgress;
import org.civicledger.domain.idea.SubmitIdea;
import org.civicledger.domain.idea.Title;
import org.civicledger.domain.idea.Topic;
import org.civicledger.domain.idea.ValidateIdea;
import org.civicledger.domain.idea.ValidationDecision;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.municipality.RegisterMunicipality;
import org.civicledger.domain.person.Pseudonym;
import org.civicledger.domain.shared.Reason;
import org.civicledger.domain.vote.BallotId;
import org.civicledger.domain.vote.CastVote;

/**
 * A realistic civic history as the commands that make it, the same for the same {@link Spec}: every id,
 * pseudonym, text and instant comes from one seeded random source. Municipalities (the 12 seeded, or
 * 143), CSOs approved in a few municipalities each, citizens who leave ideas and vote — a few ideas
 * drawing most votes — CSO validations that carry ideas to actions, municipal answers and progress,
 * consultations with answers, benches with telemetry. The plan follows the domain's rules itself, so
 * every command is accepted; its size is counted in events (most commands make one; a validation that
 * reaches the quorum makes two, progress to 100 makes two).
 */
public final class DatasetPlan {

    /** What to generate. */
    public record Spec(int events, int municipalities, long seed) {
        public Spec {
            if (municipalities != 12 && municipalities != 143) {
                throw new IllegalArgumentException("12 or 143 municipalities");
            }
        }
    }

    /** The commands in order, and how many events they will store. */
    public record Plan(List<Object> commands, long events) {
    }

    static final List<String> SEEDED = List.of("berkovici", "jablanica", "kostajnica", "maglaj", "mostar", "nevesinje",
            "novi-grad", "prijedor", "ravno", "trebinje", "zavidovici", "zepce");
    static final Instant BASE = Instant.parse("2026-01-05T08:00:00Z");
    private static final List<String> TOPICS = List.of("parks", "public-lighting", "transport", "youth", "environment",
            "roads", "culture", "tourism");
    private static final List<String> COMMUNITIES = List.of("Centar", "Donja Mahala", "Gornji Grad", "Novo Naselje");

    private final Random random;
    private final List<Object> commands = new ArrayList<>();
    private long events;

    private DatasetPlan(long seed) {
        this.random = new Random(seed);
    }

    public static Plan of(Spec spec) {
        return new DatasetPlan(spec.seed()).build(spec);
    }

    private record Cso(CsoId id, List<String> municipalities) {
    }

    private static final class Idea {
        final IdeaId id;
        final String municipality;
        int endorsements;
        String stage = "SUBMITTED";

        Idea(IdeaId id, String municipality) {
            this.id = id;
            this.municipality = municipality;
        }
    }

    /** The municipalities a plan of {@code count} (12 or 143) municipalities uses: the seeded ones first. */
    public static List<String> municipalities(int count) {
        List<String> municipalities = new ArrayList<>(SEEDED);
        for (int i = municipalities.size(); i < count; i++) {
            municipalities.add("opcina-" + (i + 1));
        }
        return municipalities;
    }

    private Plan build(Spec spec) {
        List<String> municipalities = municipalities(spec.municipalities());
        for (int i = SEEDED.size(); i < municipalities.size(); i++) {
            add(new RegisterMunicipality(new MunicipalityId(municipalities.get(i)), "Općina " + (i + 1)), 1);
        }
        Pseudonym admin = pseudonym("admin", 0);
        List<Cso> csos = new ArrayList<>();
        for (int i = 0; i < Math.max(6, municipalities.size() / 2 + 2); i++) {
            List<String> active = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                String m = municipalities.get((i * 2 + k) % municipalities.size());
                if (!active.contains(m)) {
                    active.add(m);
                }
            }
            CsoId cso = new CsoId(uuid());
            add(new RegisterCso(cso, "Udruženje građana " + (i + 1), new RegistrationNumber("RU-" + (1000 + i)),
                    active.stream().map(MunicipalityId::new).toList(), List.of("participation"),
                    "kontakt" + i + "@udruzenje.example.ba", pseudonym("registrant", i)), 2);
            add(new ApproveCso(cso, pseudonym("coordinator", 0)), 1);
            csos.add(new Cso(cso, active));
        }
        List<BenchId> benches = new ArrayList<>();
        for (int i = 0; i < Math.min(municipalities.size(), 24); i++) {
            BenchId bench = new BenchId("bench-" + municipalities.get(i % municipalities.size()) + "-" + i);
            byte[] key = new byte[32];
            random.nextBytes(key);
            add(new RegisterBench(bench, new MunicipalityId(municipalities.get(i % municipalities.size())),
                    new Location(43 + random.nextDouble() * 2, 16 + random.nextDouble() * 3),
                    new BenchKey(Base64.getEncoder().encodeToString(key)), admin), 1);
            add(new CommissionBench(bench, admin), 1);
            benches.add(bench);
        }

        List<Idea> ideas = new ArrayList<>();
        int citizens = 0;
        Instant now = BASE.plus(Duration.ofHours(1));
        while (events < spec.events()) {
            int roll = random.nextInt(100);
            if (roll < 12 || ideas.isEmpty()) {
                String municipality = municipalities.get(random.nextInt(municipalities.size()));
                Idea idea = new Idea(new IdeaId(uuid()), municipality);
                add(new SubmitIdea(idea.id, new MunicipalityId(municipality),
                        LocalCommunity.optional(COMMUNITIES.get(random.nextInt(COMMUNITIES.size()))),
                        new Topic(TOPICS.get(random.nextInt(TOPICS.size()))), new Title("Prijedlog broj " + ideas.size()),
                        new Description("Predlažemo uređenje prostora u mjesnoj zajednici, broj " + ideas.size() + "."),
                        Language.ofTag("bs"), Channel.WEB, pseudonym("citizen", citizens++), null), 1);
                ideas.add(idea);
            } else if (roll < 70) {
                Idea idea = ideas.get(popular(ideas.size()));
                if (idea.stage.equals("SUBMITTED") || idea.stage.equals("VALIDATED") || idea.stage.equals("FORWARDED")) {
                    add(new CastVote(new BallotId(idea.id, pseudonym("voter", citizens++))), 1);
                }
            } else if (roll < 80) {
                Idea idea = ideas.get(random.nextInt(ideas.size()));
                advance(idea, csos, municipalities);
            } else if (roll < 85) {
                String municipality = municipalities.get(random.nextInt(municipalities.size()));
                ConsultationId consultation = new ConsultationId(uuid());
                add(new OpenConsultation(consultation, new MunicipalityId(municipality),
                        new MultilingualText(Map.of("bs", "Gdje postaviti novu klupu?")),
                        List.of(new ConsultationOption("park", new MultilingualText(Map.of("bs", "U parku"))),
                                new ConsultationOption("trg", new MultilingualText(Map.of("bs", "Na trgu")))),
                        now, now.plus(Duration.ofDays(60)), now, pseudonym("officer", 0), null), 1);
                for (int a = 0; a < 1 + random.nextInt(8); a++) {
                    add(new AnswerConsultation(new AnswerId(consultation, pseudonym("respondent", citizens++)),
                            random.nextBoolean() ? "park" : "trg", now.plus(Duration.ofMinutes(1 + a))), 1);
                }
            } else {
                BenchId bench = benches.get(random.nextInt(benches.size()));
                add(new RecordBenchTelemetry(new ReportId(uuid()), bench, now, 20 + random.nextInt(80),
                        random.nextDouble() * 150, random.nextInt(12), random.nextInt(4), -5 + random.nextDouble() * 35), 1);
            }
        }
        return new Plan(List.copyOf(commands), events);
    }

    /** Takes an idea one step along: validations, an action, an answer, progress. */
    private void advance(Idea idea, List<Cso> csos, List<String> municipalities) {
        List<Cso> active = csos.stream().filter(c -> c.municipalities().contains(idea.municipality)).toList();
        switch (idea.stage) {
            case "SUBMITTED" -> {
                if (active.size() > idea.endorsements) {
                    Cso cso = active.get(idea.endorsements);
                    idea.endorsements++;
                    boolean validated = idea.endorsements == 2;
                    add(new ValidateIdea(idea.id, cso.id(), ValidationDecision.ENDORSE,
                            new Reason("Prijedlog je koristan za zajednicu."), pseudonym("member", idea.endorsements)),
                            validated ? 2 : 1);
                    if (validated) {
                        idea.stage = "VALIDATED";
                    }
                }
            }
            case "VALIDATED" -> {
                add(new ForwardAction(idea.id, active.get(0).id(), ActionKind.COUNCIL_INITIATIVE,
                        new Description("Inicijativa upućena općinskom vijeću."), pseudonym("member", 1)), 1);
                idea.stage = "FORWARDED";
            }
            case "FORWARDED" -> {
                add(new AnswerIdea(idea.id, new MunicipalityId(idea.municipality), AnswerDecision.ACCEPTED,
                        new Reason("Uvršteno u plan za narednu godinu."), new Department("Služba za komunalne poslove"),
                        pseudonym("officer", 0)), 1);
                idea.stage = "ACCEPTED";
            }
            case "ACCEPTED" -> {
                add(new ReportProgress(idea.id, new MunicipalityId(idea.municipality), 50, null, pseudonym("officer", 0)), 1);
                idea.stage = "HALF";
            }
            case "HALF" -> {
                add(new ReportProgress(idea.id, new MunicipalityId(idea.municipality), 100, null, pseudonym("officer", 0)), 2);
                idea.stage = "COMPLETED";
            }
            default -> {
                // completed: nothing more to do
            }
        }
    }

    /**
     * The stream a command belongs with when loading in parallel: the idea (its votes, validations,
     * action, answer and progress), the consultation (with its answers), the bench report's bench; null
     * for what others depend on (municipalities, CSOs, benches), which loads first.
     */
    public static Object partOf(Object command) {
        if (command instanceof SubmitIdea c) {
            return c.ideaId();
        }
        if (command instanceof CastVote c) {
            return c.ballotId().ideaId();
        }
        if (command instanceof ValidateIdea c) {
            return c.ideaId();
        }
        if (command instanceof ForwardAction c) {
            return c.ideaId();
        }
        if (command instanceof AnswerIdea c) {
            return c.ideaId();
        }
        if (command instanceof ReportProgress c) {
            return c.ideaId();
        }
        if (command instanceof OpenConsultation c) {
            return c.consultationId();
        }
        if (command instanceof AnswerConsultation c) {
            return c.answerId().consultationId();
        }
        if (command instanceof RecordBenchTelemetry c) {
            return c.benchId();
        }
        return null;
    }

    /** An index skewed to the first ideas: a few draw most of the votes. */
    private int popular(int size) {
        double u = random.nextDouble();
        return Math.min(size - 1, (int) Math.floor(size * Math.pow(u, 4)));
    }

    private void add(Object command, int eventsMade) {
        commands.add(command);
        events += eventsMade;
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private static Pseudonym pseudonym(String role, int n) {
        return new Pseudonym(String.format("%s-%016d", role, n));
    }
}
