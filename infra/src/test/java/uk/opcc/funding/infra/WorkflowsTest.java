package uk.opcc.funding.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The GitHub workflows parse, pin every action to a commit, and grant only what each job needs. */
class WorkflowsTest {
    static final Path GITHUB = Path.of("../.github");

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    }

    static List<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(GITHUB.resolve("workflows"))) {
            return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyActionIsPinnedToACommitSha() throws IOException {
        List<String> uses = new ArrayList<>();
        for (Path workflow : workflows()) {
            Map<String, Object> jobs = (Map<String, Object>) yaml(workflow).get("jobs");
            for (Object job : jobs.values()) {
                for (Map<String, Object> step : (List<Map<String, Object>>) ((Map<String, Object>) job).get("steps")) {
                    if (step.containsKey("uses")) {
                        uses.add(workflow.getFileName() + ": " + step.get("uses"));
                    }
                }
            }
        }
        assertThat(uses).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(u -> assertThat(u).matches("[\\w.-]+: [\\w.-]+/[\\w./-]+@[0-9a-f]{40}"));
    }

    /**
     * The runner sets CHROMEWEBDRIVER in the job's shell, not in the workflow's env context, where
     * {@code ${{ env.CHROMEWEBDRIVER }}} reads as empty and the browser tests would find no driver.
     */
    @Test
    @SuppressWarnings("unchecked")
    void testStepsTakeTheRunnersChromedriverFromTheShell() throws IOException {
        List<String> mavenSteps = new ArrayList<>();
        for (Path workflow : workflows()) {
            assertThat(Files.readString(workflow)).as(workflow.toString()).doesNotContain("env.CHROMEWEBDRIVER");
            Map<String, Object> jobs = (Map<String, Object>) yaml(workflow).get("jobs");
            for (Object job : jobs.values()) {
                for (Map<String, Object> step : (List<Map<String, Object>>) ((Map<String, Object>) job).get("steps")) {
                    String run = String.valueOf(step.get("run"));
                    if (run.matches("(?s).*\\bmvn\\b.*\\b(verify|install)\\b.*")) {
                        mavenSteps.add(workflow.getFileName() + ": " + run);
                    }
                }
            }
        }
        assertThat(mavenSteps).hasSize(2).allSatisfy(run -> assertThat(run).contains("CHROMEDRIVER=\"$CHROMEWEBDRIVER/chromedriver\""));
    }

    @Test
    @SuppressWarnings("unchecked")
    void workflowsReadContentsOnlyUnlessAJobNeedsMore() throws IOException {
        for (Path workflow : workflows()) {
            Map<String, Object> root = yaml(workflow);
            assertThat(root.get("permissions")).as(workflow.toString()).isEqualTo(Map.of("contents", "read"));
            for (Map.Entry<String, Object> job : ((Map<String, Object>) root.get("jobs")).entrySet()) {
                Object permissions = ((Map<String, Object>) job.getValue()).get("permissions");
                if (permissions != null) {
                    assertThat(workflow.getFileName().toString()).isEqualTo("deploy.yml");
                    assertThat((Map<String, Object>) permissions).containsOnly(Map.entry("contents", "read"), Map.entry("id-token", "write"));
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void buildRunsOnEveryChangeAndDeployRunsOnMainAndEveryQuarterHourWhenAStatusChanged() throws IOException {
        // YAML 1.1 reads the key "on" as true.
        Map<String, Object> build = (Map<String, Object>) yaml(GITHUB.resolve("workflows/build.yml")).get(true);
        assertThat(build).containsKeys("push", "pull_request");
        Map<String, Object> deploy = (Map<String, Object>) yaml(GITHUB.resolve("workflows/deploy.yml")).get(true);
        assertThat(deploy.get("push")).isEqualTo(Map.of("branches", List.of("main")));
        assertThat((List<Map<String, String>>) deploy.get("schedule")).extracting(s -> s.get("cron")).containsExactly("*/15 * * * *");
        Map<String, Object> jobs = (Map<String, Object>) yaml(GITHUB.resolve("workflows/deploy.yml")).get("jobs");
        assertThat(String.valueOf(((Map<String, Object>) jobs.get("status")).get("steps"))).contains("exec:java@status-check");
        assertThat(((Map<String, Object>) jobs.get("deploy")).get("if").toString()).contains("needs.status.outputs.changed == 'true'");
        String deploySteps = String.valueOf(yaml(GITHUB.resolve("workflows/deploy.yml")).get("jobs"));
        assertThat(deploySteps).contains("role-to-assume", "cdk", "deploy").doesNotContain("aws-access-key-id", "aws-secret-access-key");
    }

    @Test
    @SuppressWarnings("unchecked")
    void dependabotWatchesMavenActionsAndTheCdkCliWhichTheDeployTakesFromInfraPackageJson() throws IOException {
        List<Map<String, Object>> updates = (List<Map<String, Object>>) yaml(GITHUB.resolve("dependabot.yml")).get("updates");
        assertThat(updates).extracting(u -> u.get("package-ecosystem")).containsExactlyInAnyOrder("maven", "github-actions", "npm");
        assertThat(updates).filteredOn(u -> "npm".equals(u.get("package-ecosystem"))).extracting(u -> u.get("directory")).containsExactly("/infra");
        // package.json pins an exact CLI version and the lock agrees; the deploy installs from the lock and runs that CLI.
        Map<String, Object> pkg = yaml(Path.of("package.json"));
        String version = String.valueOf(((Map<String, Object>) pkg.get("devDependencies")).get("aws-cdk"));
        assertThat(version).matches("\\d+\\.\\d+\\.\\d+");
        Map<String, Object> locked = (Map<String, Object>) ((Map<String, Object>) yaml(Path.of("package-lock.json")).get("packages")).get("node_modules/aws-cdk");
        assertThat(locked).containsEntry("version", version);
        String deploy = Files.readString(GITHUB.resolve("workflows/deploy.yml"));
        assertThat(deploy).contains("npm ci", "npx --no-install cdk deploy").doesNotContain("aws-cdk@");
    }
}
