package fi.tilannekuva.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.tilannekuva.local.ServiceProcess;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The three packaged services start as processes on the shared PostgreSQL and Kafka and say they are ready. */
@Order(0)
class SystemStartsIT {

    private final SystemUnderTest system = SystemUnderTest.shared();

    @Test
    void everyServiceSaysItIsReady() {
        for (ServiceProcess service : system.services().services()) {
            Http.Reply ready =
                    new Http(service.managementUrl()).get("/q/health/ready").send();
            assertEquals(200, ready.status(), ready.toString());
            assertEquals("UP", ready.json().path("status").asText(), ready.toString());
            assertTrue(ready.json().path("checks").size() > 0, "readiness checks something: " + ready);
        }
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        for (ServiceProcess service : system.services().services()) {
            for (String path : new String[] {"/q/health/ready", "/q/metrics"}) {
                Http.Reply reply = new Http(service.baseUrl()).get(path).send();
                assertEquals(404, reply.status(), service.name() + " " + path + " on the public port: " + reply);
            }
            Http.Reply metrics =
                    new Http(service.managementUrl()).get("/q/metrics").send();
            assertEquals(200, metrics.status(), metrics.toString());
        }
    }

    @Test
    void everyServicePublishesItsOpenApiDocument() {
        for (ServiceProcess service : system.services().services()) {
            Http.Reply openapi = new Http(service.baseUrl())
                    .get("/q/openapi")
                    .header("Accept", "application/json")
                    .send();
            assertEquals(200, openapi.status(), openapi.toString());
            assertTrue(
                    openapi.json().path("info").path("title").asText().startsWith("Tilannekuva"), openapi.toString());
        }
    }
}
