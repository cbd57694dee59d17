/**
 * The reform's shared vocabulary, as CONTRACT.md fixes it for every service and every outside system: the 23
 * reporting units, the five preparation groups and the five statuses. One definition, so that the services cannot
 * drift apart on what a valid code is.
 */
package fi.tilannekuva.kit.reform;
