package org.civicledger.command.bench;

import java.net.URI;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.civicledger.command.http.FieldChecks;
import org.civicledger.command.security.Actor;
import org.civicledger.domain.bench.BenchId;
import org.civicledger.domain.bench.BenchKey;
import org.civicledger.domain.bench.CommissionBench;
import org.civicledger.domain.bench.DecommissionBench;
import org.civicledger.domain.bench.Location;
import org.civicledger.domain.bench.RegisterBench;
import org.civicledger.domain.bench.RotateBenchKey;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.Reason;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: the smart benches of the network, their keys and their service (contract section 3). */
@RestController
@RequestMapping("/api/v1/benches")
class BenchCommands {

    private final CommandGateway commands;
    private final Actor actor;

    BenchCommands(CommandGateway commands, Actor actor) {
        this.commands = commands;
        this.actor = actor;
    }

    record LocationRequest(Double lat, Double lon) {
    }

    record RegisterRequest(String benchId, String municipalityId, LocationRequest location, String publicKey) {
    }

    record KeyRequest(String publicKey, String reason) {
    }

    record ReasonRequest(String reason) {
    }

    @PostMapping
    ResponseEntity<Map<String, String>> register(@RequestBody RegisterRequest body, @AuthenticationPrincipal Jwt token) {
        FieldChecks checks = new FieldChecks();
        BenchId bench = checks.check(() -> new BenchId(body.benchId()));
        MunicipalityId municipality = checks.check(() -> new MunicipalityId(body.municipalityId()));
        Location location = checks.check(() -> {
            if (body.location() == null || body.location().lat() == null || body.location().lon() == null) {
                throw new InvalidField("location", "needs lat and lon");
            }
            return new Location(body.location().lat(), body.location().lon());
        });
        BenchKey key = checks.check(() -> new BenchKey(body.publicKey()));
        checks.throwIfAny();
        commands.sendAndWait(new RegisterBench(bench, municipality, location, key, actor.pseudonymIn(token, bench)));
        return ResponseEntity.created(URI.create("/api/v1/benches/" + bench.value())).body(Map.of("benchId", bench.value()));
    }

    @PostMapping("/{benchId}/key-rotation")
    ResponseEntity<Void> rotate(@PathVariable String benchId, @RequestBody KeyRequest body, @AuthenticationPrincipal Jwt token) {
        FieldChecks checks = new FieldChecks();
        BenchKey key = checks.check(() -> new BenchKey(body.publicKey()));
        Reason reason = checks.check(() -> new Reason("reason", body.reason()));
        checks.throwIfAny();
        commands.sendAndWait(new RotateBenchKey(new BenchId(benchId), key, reason, actor.pseudonymIn(token, new BenchId(benchId))));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{benchId}/commissioning")
    ResponseEntity<Void> commission(@PathVariable String benchId, @AuthenticationPrincipal Jwt token) {
        commands.sendAndWait(new CommissionBench(new BenchId(benchId), actor.pseudonymIn(token, new BenchId(benchId))));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{benchId}/decommissioning")
    ResponseEntity<Void> decommission(@PathVariable String benchId, @RequestBody ReasonRequest body,
                                      @AuthenticationPrincipal Jwt token) {
        commands.sendAndWait(new DecommissionBench(new BenchId(benchId), new Reason("reason", body.reason()),
                actor.pseudonymIn(token, new BenchId(benchId))));
        return ResponseEntity.noContent().build();
    }
}
