package org.civicledger.query.municipality;

import java.util.List;
import org.civicledger.domain.municipality.MunicipalityId;
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

    private final MunicipalityReader municipalities;

    MunicipalityReads(MunicipalityReader municipalities) {
        this.municipalities = municipalities;
    }

    @GetMapping
    ResponseEntity<List<MunicipalityView>> municipalities(@RequestParam(required = false) String offset,
                                                          @RequestParam(required = false) String limit) {
        Page page = Page.requested(offset, limit);
        return page.answer(municipalities.list(page));
    }

    @GetMapping("/{municipalityId}")
    MunicipalityView municipality(@PathVariable String municipalityId) {
        String slug = new MunicipalityId(municipalityId).slug();
        return municipalities.find(slug).orElseThrow(() -> NotFound.because("No municipality '" + slug + "' is registered"));
    }
}
