package dev.nudge.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which enrollments a command acts on: a contact's (optionally one sequence), or one by id. */
final class EnrollmentTarget {

    @Parameters(index = "0", paramLabel = "EMAIL|ID", description = "A contact's address or an enrollment id.")
    String ref;

    @Option(names = {"-s", "--sequence"}, description = "Only the enrollment in this sequence.")
    String sequence;
}
