package org.civicledger.query.cso;

import java.util.List;
import org.civicledger.domain.cso.CsoId;
import org.civicledger.query.readstore.NotFound;
import org.civicledger.query.readstore.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public reads of the CSO network. */
@RestController
@RequestMapping("/api/v1/csos")
class CsoReads {

    private final CsoReader csos;

    CsoReads(CsoReader csos) {
        this.csos = csos;
    }

    @GetMapping
    ResponseEntity<List<CsoView>> csos(@RequestParam(required = false) String offset,
                                       @RequestParam(required = false) String limit) {
        Page page = Page.requested(offset, limit);
        return page.answer(csos.list(page));
    }

    @GetMapping("/{csoId}")
    CsoView cso(@PathVariable String csoId) {
        String id = CsoId.parse("csoId", csoId).value().toString();
        return csos.find(id).orElseThrow(() -> NotFound.because("No CSO " + id + " is known (yet)"));
    }
}
