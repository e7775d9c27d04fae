package org.civicledger.query.municipality;

import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.query.municipality.MunicipalityQueries.FindMunicipality;
import org.civicledger.query.municipality.MunicipalityQueries.ListMunicipalities;
import org.civicledger.query.readstore.NotFound;
import org.civicledger.query.readstore.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public reads of municipalities. */
@RestController
@RequestMapping("/api/v1/municipalities")
class MunicipalityReads {

    private final QueryGateway queries;

    MunicipalityReads(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    ResponseEntity<List<MunicipalityView>> municipalities(@RequestParam(required = false) String offset,
                                                          @RequestParam(required = false) String limit) {
        Page page = Page.requested(offset, limit);
        return page.answer(queries.query(new ListMunicipalities(page),
                ResponseTypes.multipleInstancesOf(MunicipalityView.class)).join());
    }

    @GetMapping("/{municipalityId}")
    MunicipalityView municipality(@PathVariable String municipalityId) {
        String slug = new MunicipalityId(municipalityId).slug();
        Optional<MunicipalityView> found = queries.query(new FindMunicipality(slug),
                ResponseTypes.optionalInstanceOf(MunicipalityView.class)).join();
        return found.orElseThrow(() -> NotFound.because("No municipality '" + slug + "' is registered"));
    }
}
