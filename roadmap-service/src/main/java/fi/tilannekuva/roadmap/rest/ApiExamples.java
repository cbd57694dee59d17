package fi.tilannekuva.roadmap.rest;

/** Example bodies for the OpenAPI document, one per answer. */
final class ApiExamples {

    private ApiExamples() {}

    static final String REGIONS =
            """
            [{"code":"etela-karjala","name":{"fi":"Etelä-Karjala","sv":"Södra Karelen"},"kind":"WELLBEING_SERVICES_COUNTY","uusimaa":false},
             {"code":"helsinki","name":{"fi":"Helsinki","sv":"Helsingfors"},"kind":"CITY","uusimaa":true},
             {"code":"hus","name":{"fi":"HUS","sv":"HUS-sammanslutningen"},"kind":"HOSPITAL_DISTRICT","uusimaa":true}]
            """;

    static final String GROUPS =
            """
            [{"code":"HTT","name":{"fi":"Hallinto, talous ja tukipalvelut","sv":"Förvaltning, ekonomi och stödtjänster","en":"Administration, finance and support services"},"ordinal":1},
             {"code":"JO","name":{"fi":"Johtaminen ja osaaminen","sv":"Ledning och kompetens","en":"Leadership and competence"},"ordinal":2}]
            """;

    static final String DOCUMENT =
            """
            {"label":"2022-08-30","groups":[{"code":"JO","name":{"fi":"Johtaminen ja osaaminen","sv":"Ledning och kompetens","en":"Leadership and competence"},
              "entities":[{"code":"E","name":{"fi":"Viestintä, osallisuus ja demokratia"},"appliesTo":null,
                "tasks":[{"number":5,"name":{"fi":"Osallistamisen suunnittelu ja aloittaminen"},
                  "subtasks":[{"number":"5.8","name":{"fi":"Osallisuusohjelman laatiminen"},"critical":true,
                    "schedule":{"from":"2021-07-01","to":"2021-12-31"},"appliesTo":null}]}]}]}]}
            """;

    static final String CSV =
            """
            id,group,group_name_fi,group_name_sv,group_name_en,entity,entity_name_fi,entity_name_sv,entity_name_en,entity_applies_to,task,task_name_fi,task_name_sv,task_name_en,subtask,name_fi,name_sv,name_en,critical,from,to,applies_to
            JO-E-5.8,JO,Johtaminen ja osaaminen,Ledning och kompetens,Leadership and competence,E,"Viestintä, osallisuus ja demokratia",,,,5,Osallistamisen suunnittelu ja aloittaminen,,,5.8,Osallisuusohjelman laatiminen,,,true,2021-07-01,2021-12-31,
            PJ-H,PJ,Palveluiden järjestäminen,Ordnandet av tjänster,Organising services,H,Uudenmaan erillisratkaisu,,,helsinki;hus;ita-uusimaa;keski-uusimaa;lansi-uusimaa;vantaa-kerava,,,,,,,,,,,,
            """;

    static final String PUBLISHED =
            """
            {"version":3,"label":"2022-08-30","publishedAt":"2026-11-22T08:00:00Z","subtasks":109,"criticalSubtasks":81,"current":true}
            """;

    static final String VERSIONS =
            """
            [{"version":1,"label":"2021-05","publishedAt":"2026-11-20T08:00:00Z","subtasks":98,"criticalSubtasks":70,"current":false},
             {"version":2,"label":"2022-08-30","publishedAt":"2026-11-22T08:00:00Z","subtasks":109,"criticalSubtasks":81,"current":true}]
            """;

    static final String ROADMAP =
            """
            {"version":3,"label":"2022-08-30","publishedAt":"2026-11-22T08:00:00Z","current":true,
             "groups":[{"code":"JO","name":{"fi":"Johtaminen ja osaaminen","sv":"Ledning och kompetens","en":"Leadership and competence"},
              "entities":[{"id":"JO-E","code":"E","name":{"fi":"Viestintä, osallisuus ja demokratia"},"appliesTo":null,
                "tasks":[{"id":"JO-E-5","number":5,"name":{"fi":"Osallistamisen suunnittelu ja aloittaminen"},
                  "subtasks":[{"id":"JO-E-5.8","number":"5.8","name":{"fi":"Osallisuusohjelman laatiminen"},"critical":true,
                    "schedule":{"from":"2021-07-01","to":"2021-12-31"},"appliesTo":null}]}]}]}]}
            """;

    static final String SUBTASKS =
            """
            {"version":3,"page":0,"size":50,"total":1,"totalPages":1,
             "items":[{"id":"JO-E-5.8","group":"JO","entity":"JO-E","task":"JO-E-5","number":"5.8","name":{"fi":"Osallisuusohjelman laatiminen"},
               "critical":true,"schedule":{"from":"2021-07-01","to":"2021-12-31"},"appliesTo":null}]}
            """;

    static final String DIFF =
            """
            {"from":2,"to":3,
             "added":[{"id":"JO-E-5.10","group":"JO","entity":"JO-E","task":"JO-E-5","number":"5.10","name":{"fi":"Sähköisen osallisuusalustan suunnittelu ja perustaminen"},
               "critical":false,"schedule":{"from":"2022-01-01","to":"2022-06-30"},"appliesTo":null}],
             "removed":[],
             "changed":[{"id":"JO-E-5.8","changes":[
               {"field":"critical","oldValue":false,"newValue":true},
               {"field":"schedule","oldValue":{"from":"2021-07-01","to":"2021-12-31"},"newValue":{"from":"2022-01-01","to":"2022-06-30"}}]}]}
            """;

    static final String INVALID_ROADMAP =
            """
            {"type":"https://tilannekuva.fi/problems/invalid-roadmap","title":"The roadmap document is invalid","status":422,
             "detail":"3 problem(s) found; nothing was stored.",
             "errors":[{"pointer":"/groups/0/entities/0/code","field":"code","message":"entity code must be one capital letter A-Z, was '5'"},
               {"pointer":"/groups/0/entities/1/tasks/0/subtasks/0/schedule","field":"schedule","message":"schedule.from 2022-01-01 is after schedule.to 2021-12-31"},
               {"pointer":"/groups/0/entities/1/tasks/0/subtasks/1/appliesTo/0","field":"appliesTo","message":"unknown unit code 'uusimaa'"}]}
            """;

    static final String INVALID_CSV =
            """
            {"type":"https://tilannekuva.fi/problems/invalid-roadmap","title":"The roadmap document is invalid","status":422,
             "detail":"2 problem(s) found; nothing was stored.",
             "errors":[{"line":4,"field":"critical","message":"critical must be true or false, was 'yes'"},
               {"line":7,"field":"id","message":"duplicate subtask JO-E-5.8 (first at /groups/0/entities/0/tasks/0/subtasks/0)"}]}
            """;

    static final String UNREADABLE_JSON =
            """
            {"type":"https://tilannekuva.fi/problems/unreadable-json","title":"The request body is not readable JSON of the expected shape","status":400,
             "detail":"Cannot deserialize value of type `java.lang.Integer` from String \\"five\\": not a valid `java.lang.Integer` value",
             "errors":[{"pointer":"/groups/0/entities/0/tasks/0/number","field":"number","message":"Cannot deserialize value of type `java.lang.Integer` from String \\"five\\": not a valid `java.lang.Integer` value"}]}
            """;

    static final String INVALID_QUERY =
            """
            {"type":"https://tilannekuva.fi/problems/invalid-query","title":"Invalid query parameters","status":400,
             "detail":"critical: critical must be true or false, was 'maybe'",
             "errors":[{"pointer":"?critical","field":"critical","message":"critical must be true or false, was 'maybe'"}]}
            """;

    static final String UNAUTHORIZED =
            """
            {"type":"https://tilannekuva.fi/problems/unauthorized","title":"Authentication required","status":401,
             "detail":"A valid bearer token (JWT) is required.","errors":[]}
            """;

    static final String FORBIDDEN =
            """
            {"type":"https://tilannekuva.fi/problems/forbidden","title":"Forbidden","status":403,
             "detail":"The token's role does not allow this.","errors":[]}
            """;

    static final String NOT_FOUND =
            """
            {"type":"https://tilannekuva.fi/problems/not-found","title":"Not found","status":404,
             "detail":"Roadmap version 42 does not exist","errors":[]}
            """;

    static final String UNSUPPORTED =
            """
            {"type":"https://tilannekuva.fi/problems/unsupported-media-type","title":"Unsupported Media Type","status":415,
             "detail":"Unsupported Media Type.","errors":[]}
            """;

    static final String NOT_ACCEPTABLE =
            """
            {"type":"https://tilannekuva.fi/problems/not-acceptable","title":"Not Acceptable","status":406,
             "detail":"Not Acceptable.","errors":[]}
            """;
}
