package org.civicledger.query.bench;

import java.util.List;
import org.civicledger.domain.bench.BenchId;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.query.readstore.NotFound;
import org.civicledger.query.readstore.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public reads of the smart benches. */
@RestController
@RequestMapping("/api/v1/benches")
class BenchReads {

    private final BenchReader benches;

    BenchReads(BenchReader benches) {
        this.benches = benches;
    }

    @GetMapping
    ResponseEntity<List<BenchView>> benches(@RequestParam(required = false) String municipalityId,
                                                            @RequestParam(required = false) String offset,
                                                            @RequestParam(required = false) String limit) {
        Page page = Page.requested(offset, limit);
        return page.answer(benches.list(municipalityId == null ? null : new MunicipalityId(municipalityId).slug(), page));
    }

    @GetMapping("/{benchId}")
    BenchView bench(@PathVariable String benchId) {
        String id = new BenchId(benchId).value();
        return benches.find(id).orElseThrow(() -> NotFound.because("No bench " + id + " is known (yet)"));
    }
}
