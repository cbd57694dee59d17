package fi.tilannekuva.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Compares the environment a deployment gives a service with what the service's production profile reads. */
final class EnvironmentCheck {

    private EnvironmentCheck() {}

    /**
     * Every problem with one service's environment in one deployment.
     *
     * @param where the deployment, for the message (a file and the service's entry in it)
     * @param service what the service reads
     * @param set the variables the deployment sets for the service
     * @param providedElsewhere variables the deployment provides another way (e.g. from a Secret), counted as set
     * @return one sentence per unread variable set and per required variable missing; empty when they match
     */
    static List<String> problems(
            String where, ServiceConfiguration service, Set<String> set, Set<String> providedElsewhere) {
        List<String> problems = new ArrayList<>();
        Set<String> read = service.readVariables();
        for (String variable : set) {
            if (!read.contains(variable)) {
                problems.add(where + " sets " + variable + ", which " + service.service()
                        + " does not read (no ${" + variable + "} in its %prod/unprofiled application.properties"
                        + " and no property of that environment name); its ${...} variables: "
                        + service.referencedVariables());
            }
        }
        for (String variable : service.requiredVariables()) {
            if (!set.contains(variable) && !providedElsewhere.contains(variable)) {
                problems.add(where + " does not set " + variable + ", which " + service.service() + " requires (${"
                        + variable + "} without a default in %prod)");
            }
        }
        return problems;
    }
}
