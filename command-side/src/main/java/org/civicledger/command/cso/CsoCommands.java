package org.civicledger.command.cso;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.civicledger.command.http.FieldChecks;
import org.civicledger.command.security.Actor;
import org.civicledger.domain.cso.ApproveCso;
import org.civicledger.domain.cso.CsoId;
import org.civicledger.domain.cso.RegisterCso;
import org.civicledger.domain.cso.RegistrationNumber;
import org.civicledger.domain.cso.ReinstateCso;
import org.civicledger.domain.cso.RejectCso;
import org.civicledger.domain.cso.SuspendCso;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.Reason;
import org.civicledger.domain.shared.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Joining the Network for Participatory Democracy, and the network coordinator's decisions. */
@RestController
@RequestMapping("/api/v1/csos")
class CsoCommands {

    private final CommandGateway commands;
    private final Actor actor;

    CsoCommands(CommandGateway commands, Actor actor) {
        this.commands = commands;
        this.actor = actor;
    }

    record RegisterCsoRequest(String name, String registrationNumber, List<String> municipalityIds,
                              List<String> focusAreas, String contactEmail, Boolean acceptsProtocol) {
    }

    record ReasonRequest(String reason) {
    }

    @PostMapping
    ResponseEntity<Map<String, String>> register(@RequestBody RegisterCsoRequest body, @AuthenticationPrincipal Jwt token) {
        FieldChecks checks = new FieldChecks();
        String name = checks.check(() -> Text.require("name", body.name(), 2, 200, false));
        RegistrationNumber number = checks.check(() -> new RegistrationNumber(body.registrationNumber()));
        List<MunicipalityId> municipalities = checks.check(() -> municipalities(body.municipalityIds()));
        List<String> focusAreas = checks.check(() -> focusAreas(body.focusAreas()));
        String email = checks.check(() -> email(body.contactEmail()));
        checks.check(() -> {
            if (!Boolean.TRUE.equals(body.acceptsProtocol())) {
                throw new InvalidField("acceptsProtocol", "must be true: members accept the Protocol's principles "
                        + "(openness and transparency, participation, partnership)");
            }
            return true;
        });
        checks.throwIfAny();
        CsoId csoId = new CsoId(UUID.randomUUID());
        String id = commands.sendAndWait(new RegisterCso(csoId, name, number, municipalities, focusAreas, email,
                actor.pseudonymIn(token, csoId)));
        return ResponseEntity.created(URI.create("/api/v1/csos/" + id)).body(Map.of("csoId", id));
    }

    @PostMapping("/{csoId}/approval")
    ResponseEntity<Void> approve(@PathVariable String csoId, @AuthenticationPrincipal Jwt token) {
        CsoId id = CsoId.parse("csoId", csoId);
        commands.sendAndWait(new ApproveCso(id, actor.pseudonymIn(token, id)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{csoId}/rejection")
    ResponseEntity<Void> reject(@PathVariable String csoId, @RequestBody ReasonRequest body, @AuthenticationPrincipal Jwt token) {
        CsoId id = CsoId.parse("csoId", csoId);
        commands.sendAndWait(new RejectCso(id, new Reason(body.reason()), actor.pseudonymIn(token, id)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{csoId}/suspension")
    ResponseEntity<Void> suspend(@PathVariable String csoId, @RequestBody ReasonRequest body, @AuthenticationPrincipal Jwt token) {
        CsoId id = CsoId.parse("csoId", csoId);
        commands.sendAndWait(new SuspendCso(id, new Reason(body.reason()), actor.pseudonymIn(token, id)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{csoId}/reinstatement")
    ResponseEntity<Void> reinstate(@PathVariable String csoId, @RequestBody ReasonRequest body, @AuthenticationPrincipal Jwt token) {
        CsoId id = CsoId.parse("csoId", csoId);
        commands.sendAndWait(new ReinstateCso(id, new Reason(body.reason()), actor.pseudonymIn(token, id)));
        return ResponseEntity.noContent().build();
    }

    private static List<MunicipalityId> municipalities(List<String> ids) {
        if (ids == null || ids.isEmpty() || ids.size() > 200) {
            throw new InvalidField("municipalityIds", "must name 1 to 200 municipalities the CSO is active in");
        }
        return ids.stream().distinct().map(id -> {
            try {
                return new MunicipalityId(id);
            } catch (InvalidField e) {
                throw new InvalidField("municipalityIds", "'" + id + "' " + e.getMessage());
            }
        }).toList();
    }

    private static List<String> focusAreas(List<String> areas) {
        if (areas == null || areas.isEmpty() || areas.size() > 20) {
            throw new InvalidField("focusAreas", "must name 1 to 20 focus areas");
        }
        return areas.stream().map(a -> Text.require("focusAreas", a, 2, 100, false)).distinct().toList();
    }

    private static String email(String email) {
        String value = Text.require("contactEmail", email, 3, 254, false);
        if (!value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidField("contactEmail", "must be an e-mail address");
        }
        return value;
    }
}
