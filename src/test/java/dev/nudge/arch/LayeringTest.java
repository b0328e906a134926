package dev.nudge.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Feature packages stay free of the faces; the faces stay free of mail and SQL. */
class LayeringTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.nudge");

    @Test
    void feature_packages_never_reach_the_cli_or_web() {
        noClasses().that().resideOutsideOfPackages("dev.nudge.cli..", "dev.nudge.web..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.nudge.cli..", "dev.nudge.web..", "picocli..",
                        "io.javalin..")
                .check(MAIN);
    }

    @Test
    void cli_and_web_never_touch_mail_or_sql() {
        noClasses().that().resideInAnyPackage("dev.nudge.cli..", "dev.nudge.web..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "java.sql..", "org.quartz..")
                .check(MAIN);
    }

    @Test
    void main_code_never_reads_the_system_clock_directly() {
        noClasses().that().resideOutsideOfPackages("dev.nudge.cli..", "dev.nudge.sandbox..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .check(MAIN);
    }
}
