package fr.agir.structure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Territoire", description = "Communes de la Seine-Saint-Denis et leur EPT")
public class TerritoryApi {
    public record CommuneView(String insee, String name, Set<String> postalCodes, Ept ept, String eptCode,
                              String eptName) {
    }

    @GetMapping("/api/communes")
    @Operation(summary = "Les 40 communes de la Seine-Saint-Denis, avec leurs codes postaux et leur EPT")
    public List<CommuneView> communes() {
        return Commune.byName().stream().map(c -> new CommuneView(c.insee(), c.label(), c.postalCodes(), c.ept(),
                c.ept().code(), c.ept().label())).toList();
    }
}
