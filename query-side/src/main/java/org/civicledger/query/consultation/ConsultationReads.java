package org.civicledger.query.consultation;

import java.util.List;
import org.civicledger.domain.consultation.ConsultationId;
import org.civicledger.domain.municipality.MunicipalityId;
import org.civicledger.query.readstore.NotFound;
import org.civicledger.query.readstore.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public reads of consultations and their results. */
@RestController
@RequestMapping("/api/v1/consultations")
class ConsultationReads {

    private final ConsultationReader consultations;

    ConsultationReads(ConsultationReader consultations) {
        this.consultations = consultations;
    }

    @GetMapping
    ResponseEntity<List<ConsultationView>> consultations(@RequestParam(required = false) String municipalityId,
                                                         @RequestParam(required = false) String offset,
                                                         @RequestParam(required = false) String limit) {
        String slug = municipalityId == null ? null : new MunicipalityId(municipalityId).slug();
        Page page = Page.requested(offset, limit);
        return page.answer(consultations.list(slug, page));
    }

    @GetMapping("/{consultationId}")
    ConsultationView consultation(@PathVariable String consultationId) {
        String id = ConsultationId.parse(consultationId).value().toString();
        return consultations.find(id).orElseThrow(() -> NotFound.because("No consultation " + id + " is known (yet)"));
    }
}
