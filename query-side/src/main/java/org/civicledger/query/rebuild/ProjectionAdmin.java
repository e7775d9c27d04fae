package org.civicledger.query.rebuild;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: the projections, how far each is, and rebuilding one (or {@code all}) from zero. */
@RestController
@RequestMapping("/api/v1/admin/projections")
class ProjectionAdmin {

    private final ProjectionRebuilds rebuilds;

    ProjectionAdmin(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping
    List<ProjectionRebuilds.Progress> projections() {
        return rebuilds.progress();
    }

    @GetMapping("/{projection}")
    ProjectionRebuilds.Progress projection(@PathVariable String projection) {
        return rebuilds.progress(projection);
    }

    @PostMapping("/{projection}/rebuild")
    ResponseEntity<Map<String, Object>> rebuild(@PathVariable String projection) {
        List<String> started = rebuilds.rebuild(projection);
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/projections" + ("all".equals(projection)
                ? "" : "/" + projection))).body(Map.of("rebuilding", started));
    }
}
