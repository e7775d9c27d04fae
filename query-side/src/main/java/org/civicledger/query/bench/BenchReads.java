package org.civicledger.query.bench;

import java.util.List;
import org.civicledger.domain.bench.BenchId;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.query.readstore.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public reads of the smart benches. */
@RestController
@RequestMapping("/api/v1/benches")
class BenchReads {

    private final BenchProjection benches;

    BenchReads(BenchProjection benches) {
        this.benches = benches;
    }

    @GetMapping
    List<BenchProjection.BenchView> benches(@RequestParam(required = false) String municipalityId) {
        return benches.all(municipalityId == null ? null : new MunicipalityId(municipalityId).slug());
    }

    @GetMapping("/{benchId}")
    BenchProjection.BenchView bench(@PathVariable String benchId) {
        String id = new BenchId(benchId).value();
        return benches.find(id).orElseThrow(() -> NotFound.because("No bench " + id + " is known (yet)"));
    }
}
