namespace OcppLab.Conformance.RunnerTests;

public sealed class FeatureParserTests
{
    [Test]
    public void A_scenario_outline_expands_to_one_scenario_per_examples_row()
    {
        var scenarios = FeatureParser.Parse(
            """
            @TC_003_CSMS
            Feature: Regular charging session
              Scenario Outline: Boot answered with <status>
                Given the CSMS answers BootNotification with <status>
                Then the heartbeat interval is <interval>

                Examples:
                  | status   | interval |
                  | Accepted | 300      |
                  | Pending  | 10       |

                Examples: refused
                  | status   | interval |
                  | Rejected | 60       |
            """,
            Sample.FeatureFile);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scenarios.Select(s => s.Name), Is.EqualTo(new[]
            {
                "TC_003_CSMS Boot answered with Accepted (Accepted, 300)",
                "TC_003_CSMS Boot answered with Pending (Pending, 10)",
                "TC_003_CSMS Boot answered with Rejected (Rejected, 60)",
            }));
            Assert.That(scenarios[1].Steps.Select(s => s.Text), Is.EqualTo(new[]
            {
                "the CSMS answers BootNotification with Pending",
                "the heartbeat interval is 10",
            }));
            Assert.That(scenarios[1].ExampleValues, Is.EqualTo(new[] { "Pending", "10" }));
            Assert.That(scenarios.Select(s => s.Line), Is.EqualTo(new[] { 9, 10, 14 }), "each row's own line");
            Assert.That(scenarios[2].Steps[0].ExampleLine, Is.EqualTo(14));
        }
    }

    [Test]
    public void Background_steps_come_first_in_every_scenario_feature_background_before_rule_background()
    {
        var scenarios = FeatureParser.Parse(
            """
            Feature: Backgrounds
              Background:
                Given the CSMS is running

              Scenario: first
                When something happens

              Rule: with a charge point
                Background:
                  Given a charge point is connected

                Scenario: second
                  When something else happens
            """,
            Sample.FeatureFile);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scenarios[0].Steps.Select(s => s.Text), Is.EqualTo(new[] { "the CSMS is running", "something happens" }));
            Assert.That(scenarios[1].Steps.Select(s => s.Text), Is.EqualTo(new[]
            {
                "the CSMS is running",
                "a charge point is connected",
                "something else happens",
            }));
        }
    }

    [Test]
    public void Tags_are_inherited_from_feature_rule_scenario_and_examples_without_the_at_sign()
    {
        var scenarios = FeatureParser.Parse(
            """
            @csms @SmartCharging
            Feature: Tags
              @profile-rule
              Rule: stacking
                @TC_056_CSMS
                Scenario Outline: outline
                  Given a step with <x>

                  @fast
                  Examples:
                    | x |
                    | 1 |
            """,
            Sample.FeatureFile);

        Assert.That(scenarios.Single().Tags, Is.EqualTo(new[] { "csms", "SmartCharging", "profile-rule", "TC_056_CSMS", "fast" }));
    }

    [Test]
    public void The_test_case_id_is_the_most_specific_TC_tag()
    {
        var scenarios = FeatureParser.Parse(
            """
            @TC_001_CSMS
            Feature: Ids
              Scenario: inherits the feature's id
                Given a step

              @TC_002_CSMS
              Scenario: has its own id
                Given a step
            """,
            Sample.FeatureFile);

        Assert.That(scenarios.Select(s => s.Name), Is.EqualTo(new[]
        {
            "TC_001_CSMS inherits the feature's id",
            "TC_002_CSMS has its own id",
        }));
    }

    [Test]
    public void Without_a_TC_tag_the_name_is_the_scenario_title()
    {
        var scenario = Sample.Scenario(
            """
            @Core
            Feature: No id
              Scenario: Just a title
                Given a step
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scenario.TestCaseId, Is.Null);
            Assert.That(scenario.Name, Is.EqualTo("Just a title"));
            Assert.That(scenario.FeatureTitle, Is.EqualTo("No id"));
        }
    }

    [Test]
    public void And_But_and_star_take_the_kind_of_the_step_before_them()
    {
        var scenario = Sample.Scenario(
            """
            Feature: Kinds
              Scenario: all keywords
                * a star first
                Given a
                And b
                When c
                But d
                Then e
                And f
                * g
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scenario.Steps.Select(s => s.Kind), Is.EqualTo(new[]
            {
                StepKind.Given, StepKind.Given, StepKind.Given, StepKind.When,
                StepKind.When, StepKind.Then, StepKind.Then, StepKind.Then,
            }));
            Assert.That(scenario.Steps.Select(s => s.Keyword), Is.EqualTo(new[] { "*", "Given", "And", "When", "But", "Then", "And", "*" }));
        }
    }

    [Test]
    public void Steps_keep_their_line_table_and_doc_string()
    {
        var scenario = Sample.Scenario(
            """"
            Feature: Arguments
              Scenario: arguments
                Given the id tags
                  | idTag | status   |
                  | TAG1  | Accepted |
                When the charge point sends
                  """json
                  [2,"1","Heartbeat",{}]
                  """
            """");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scenario.Steps.Select(s => s.Line), Is.EqualTo(new[] { 3, 6 }));
            Assert.That(scenario.Steps[0].Table!.Rows[0]["status"], Is.EqualTo("Accepted"));
            Assert.That(scenario.Steps[1].DocString, Is.EqualTo("""[2,"1","Heartbeat",{}]"""));
        }
    }

    [Test]
    public void Invalid_Gherkin_fails_with_the_file_and_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => FeatureParser.Parse(
            """
            Feature: Broken
              Scenario: a
                Given x
              this line is not Gherkin
            """,
            "features/broken.feature"));

        Assert.That(error.Message, Does.StartWith("features/broken.feature: ").And.Contains("(4:"));
    }
}
