using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace OcppLab.Conformance.RunnerTests;

public sealed class FeatureTestCasesTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "ocpplab-features-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void An_empty_features_folder_gives_one_ignored_case_that_says_so()
    {
        var cases = FeatureTestCases.FromFolder(_folder).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cases, Has.Count.EqualTo(1));
            Assert.That(cases[0].TestName, Is.EqualTo(FeatureTestCases.NoFeaturesName));
            Assert.That(cases[0].RunState, Is.EqualTo(RunState.Ignored));
            Assert.That(cases[0].Properties.Get(PropertyNames.SkipReason), Does.Contain(_folder));
        }
    }

    [Test]
    public void A_missing_features_folder_is_treated_as_empty()
    {
        var cases = FeatureTestCases.FromFolder(Path.Combine(_folder, "absent")).ToList();

        Assert.That(cases.Single().TestName, Is.EqualTo(FeatureTestCases.NoFeaturesName));
    }

    [Test]
    public void Each_scenario_is_a_case_named_by_id_and_title_with_its_tags_as_categories()
    {
        Write(
            "csms/SmartCharging/TC_056_CSMS_Stacking.feature",
            """
            @TC_056_CSMS @SmartCharging @csms
            Feature: Central Smart Charging - TxDefaultProfile
              Scenario: Stacking profiles
                Given a step
            """);

        var testCase = FeatureTestCases.FromFolder(_folder).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(testCase.TestName, Is.EqualTo("TC_056_CSMS Stacking profiles"));
            Assert.That(testCase.Properties[PropertyNames.Category], Is.EqualTo(new[] { "TC_056_CSMS", "SmartCharging", "csms" }));
            Assert.That(testCase.Properties.Get("FeatureFile"), Is.EqualTo("features/csms/SmartCharging/TC_056_CSMS_Stacking.feature"));
            Assert.That(((ScenarioDefinition)testCase.Arguments[0]!).FeatureFile, Is.EqualTo("features/csms/SmartCharging/TC_056_CSMS_Stacking.feature"));
        }
    }

    [Test]
    public void Cases_come_in_file_order_and_repeated_names_get_a_running_number()
    {
        Write("b.feature", "Feature: B\n  Scenario: same\n    Given a step\n  Scenario: same\n    Given a step\n");
        Write("a.feature", "Feature: A\n  Scenario: first\n    Given a step\n");

        var names = FeatureTestCases.FromFolder(_folder).Select(c => c.TestName);

        Assert.That(names, Is.EqualTo(new[] { "first", "same", "same #2" }));
    }

    [Test]
    public void A_feature_that_does_not_parse_is_a_not_runnable_case_named_after_its_file()
    {
        Write("broken.feature", "Feature: Broken\n  Scenario: a\n    Given x\n  not gherkin\n");

        var testCase = FeatureTestCases.FromFolder(_folder).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(testCase.TestName, Is.EqualTo("features/broken.feature (parse error)"));
            Assert.That(testCase.RunState, Is.EqualTo(RunState.NotRunnable));
            Assert.That(testCase.Properties.Get(PropertyNames.SkipReason), Does.StartWith("features/broken.feature: (4:"));
        }
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
