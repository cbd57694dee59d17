package fi.tilannekuva.situation.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import fi.tilannekuva.local.LocalInfraTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The dashboard's pages and assets are served in the reader's language, without a browser. */
@QuarkusTest
@WithTestResource(
        value = LocalInfraTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "situation"))
class DashboardPageTest {

    @Test
    void theHeatmapPageIsFinnishByDefault() {
        given().when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"fi\">"))
                .body(containsString("Alueellisen toimeenpanon tilannekuva"))
                .body(containsString("/dashboard/heatmap.js"));
    }

    @Test
    void theBrowsersSwedishIsHonouredAndTheLangParameterOverridesIt() {
        given().header("Accept-Language", "sv-FI,sv;q=0.9")
                .when()
                .get("/")
                .then()
                .statusCode(200)
                .body(containsString("<html lang=\"sv\">"))
                .body(containsString("Lägesbild över det regionala genomförandet"));
        given().header("Accept-Language", "sv-FI,sv;q=0.9")
                .queryParam("lang", "en")
                .when()
                .get("/")
                .then()
                .statusCode(200)
                .body(containsString("Situation picture of regional implementation"));
    }

    @Test
    void aUnitPageNamesItsRegionForTheScript() {
        given().when()
                .get("/units/lappi")
                .then()
                .statusCode(200)
                .body(containsString("data-region=\"lappi\""))
                .body(containsString("/dashboard/unit.js"));
    }

    @Test
    void somethingThatCannotBeARegionCodeIsNotFound() {
        given().when().get("/units/Lappi<script>").then().statusCode(404).body(not(containsString("<script>")));
    }

    @Test
    void theScriptsStylesAndTextsAreServedAsStaticAssets() {
        given().when().get("/dashboard/heatmap.js").then().statusCode(200).body(containsString("keepFresh"));
        given().when().get("/dashboard/common.js").then().statusCode(200);
        given().when().get("/dashboard/unit.js").then().statusCode(200);
        given().when().get("/dashboard/dashboard.css").then().statusCode(200).contentType(containsString("text/css"));
        given().when().get("/dashboard/texts.json").then().statusCode(200).body(containsString("Inte rapporterad"));
        // the unit page's chart library, from its webjar
        given().when()
                .get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js")
                .then()
                .statusCode(200)
                .body(containsString("uPlot"));
        given().when().get("/webjars/uplot/1.6.30/dist/uPlot.min.css").then().statusCode(200);
    }

    @Test
    void thePagesForbidForeignScriptsFramingAndSniffing() {
        for (String path : new String[] {"/", "/units/lappi"}) {
            given().when()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY");
        }
    }

    @Test
    void answersThatMayCarryCommentsAreNeverCached() {
        given().when()
                .get("/api/v1/situation/units/lappi")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .header("Cache-Control", containsString("private"));
    }
}
