package org.civicledger.query.cso;

import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.civicledger.domain.cso.CsoId;
import org.civicledger.query.cso.CsoView.FindCso;
import org.civicledger.query.cso.CsoView.ListCsos;
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

    private final QueryGateway queries;

    CsoReads(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    ResponseEntity<List<CsoView>> csos(@RequestParam(required = false) String offset,
                                       @RequestParam(required = false) String limit) {
        Page page = Page.requested(offset, limit);
        return page.answer(queries.query(new ListCsos(page), ResponseTypes.multipleInstancesOf(CsoView.class)).join());
    }

    @GetMapping("/{csoId}")
    CsoView cso(@PathVariable String csoId) {
        String id = CsoId.parse("csoId", csoId).value().toString();
        return queries.query(new FindCso(id), ResponseTypes.optionalInstanceOf(CsoView.class)).join()
                .orElseThrow(() -> NotFound.because("No CSO " + id + " is known (yet)"));
    }
}
