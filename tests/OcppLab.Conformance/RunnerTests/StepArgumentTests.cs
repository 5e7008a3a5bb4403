using System.Text.Json.Serialization;

namespace OcppLab.Conformance.RunnerTests;

public sealed class StepArgumentTests
{
    public enum Phase
    {
        [JsonStringEnumMemberName("L1-N")]
        L1N,
        L2,
    }

    [Test]
    public async Task Capture_groups_convert_to_the_parameter_types()
    {
        var journal = new Journal();

        var run = await Sample.RunAsync(
            """
            Feature: Conversion
              Scenario: every supported type
                Given the values "CP 1", 42, 9000000000, 12.50, 1.5, TRUE, l2 and 00:01:30
            """,
            journal,
            typeof(ConversionBindings));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Result.Outcome, Is.EqualTo(ScenarioOutcome.Passed), run.Result.FailureMessage);
            Assert.That(journal.Entries, Is.EqualTo(new[] { "CP 1|42|9000000000|12.50|1.5|True|L2|00:01:30" }));
        }
    }

    [TestCase("L1-N", Phase.L1N)]
    [TestCase("l1n", Phase.L1N)]
    [TestCase("L2", Phase.L2)]
    public void Enums_match_member_names_ignoring_case_and_the_spec_spelling(string text, Phase expected) =>
        Assert.That(StepArgumentConverter.ConvertText(text, typeof(Phase)), Is.EqualTo(expected));

    [Test]
    public void An_enum_is_not_matched_by_its_number() =>
        Assert.That(() => StepArgumentConverter.ConvertText("1", typeof(Phase)), Throws.TypeOf<FormatException>());

    [Test]
    public void Nullable_parameters_take_an_empty_group_as_null()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(StepArgumentConverter.ConvertText(string.Empty, typeof(int?)), Is.Null);
            Assert.That(StepArgumentConverter.ConvertText("7", typeof(int?)), Is.EqualTo(7));
        }
    }

    [Test]
    public void Other_parsable_types_convert_through_their_own_parser() =>
        Assert.That(
            StepArgumentConverter.ConvertText("2025-01-02T03:04:05Z", typeof(DateTimeOffset)),
            Is.EqualTo(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero)));

    [Test]
    public async Task A_table_argument_arrives_as_a_DataTable_with_rows_keyed_by_header_and_raw_cells()
    {
        var journal = new Journal();

        var run = await Sample.RunAsync(
            """
            Feature: Tables
              Scenario: a table
                Given the id tags of "CP1"
                  | idTag | status   |
                  | TAG1  | Accepted |
                  | TAG2  | Blocked  |
            """,
            journal,
            typeof(ArgumentBindings));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Result.Outcome, Is.EqualTo(ScenarioOutcome.Passed), run.Result.FailureMessage);
            Assert.That(journal.Entries, Is.EqualTo(new[]
            {
                "CP1 header=idTag,status rows=2",
                "TAG1=Accepted",
                "TAG2=Blocked",
                "cells=idTag,status|TAG1,Accepted|TAG2,Blocked",
            }));
        }
    }

    [Test]
    public async Task A_doc_string_argument_arrives_as_the_trailing_string_parameter()
    {
        var journal = new Journal();

        var run = await Sample.RunAsync(
            """"
            Feature: Doc strings
              Scenario: a doc string
                When "CP1" sends
                  """
                  [2,"1","Heartbeat",{}]
                  """
            """",
            journal,
            typeof(ArgumentBindings));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Result.Outcome, Is.EqualTo(ScenarioOutcome.Passed), run.Result.FailureMessage);
            Assert.That(journal.Entries, Is.EqualTo(new[] { """CP1 sends [2,"1","Heartbeat",{}]""" }));
        }
    }

    [Test]
    public async Task A_value_that_does_not_convert_fails_the_step_naming_the_parameter()
    {
        var run = await Sample.RunAsync(
            """
            Feature: Conversion
              Scenario: bad number
                Given the values "CP 1", many, 1, 1, 1, true, L2 and 00:00:01
            """,
            typeof(ConversionBindings));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Result.Outcome, Is.EqualTo(ScenarioOutcome.Failed));
            Assert.That(run.Result.FailureMessage, Does.Contain("cannot convert \"many\" to Int32 for parameter 'number'"));
        }
    }

    [Test]
    public async Task A_table_given_to_a_step_without_a_table_parameter_fails_naming_the_method()
    {
        var run = await Sample.RunAsync(
            """
            Feature: Mismatch
              Scenario: unexpected table
                Given the values "CP 1", 1, 1, 1, 1, true, L2 and 00:00:01
                  | a |
                  | b |
            """,
            typeof(ConversionBindings));

        Assert.That(
            run.Result.FailureMessage,
            Does.Contain("ConversionBindings.GivenTheValues takes 8 parameter(s) but the step supplies 8 capture group(s) and a DataTable"));
    }

    [Binding]
    private sealed class ConversionBindings(Journal journal)
    {
        [Given("""the values "(.*)", ([^,]+), ([^,]+), ([^,]+), ([^,]+), ([^,]+), (\S+) and (\S+)""")]
        public void GivenTheValues(
            string text, int number, long big, decimal money, double ratio, bool flag, Phase phase, TimeSpan span) =>
            journal.Add(FormattableString.Invariant($"{text}|{number}|{big}|{money}|{ratio}|{flag}|{phase}|{span}"));
    }

    [Binding]
    private sealed class ArgumentBindings(Journal journal)
    {
        [Given(@"the id tags of ""(.*)""")]
        public void GivenTheIdTags(string chargePoint, DataTable table)
        {
            journal.Add($"{chargePoint} header={string.Join(',', table.Header)} rows={table.RowCount}");
            foreach (var row in table.Rows)
            {
                journal.Add($"{row["idTag"]}={row["status"]}");
            }

            journal.Add("cells=" + string.Join('|', table.Cells.Select(r => string.Join(',', r))));
        }

        [When(@"""(.*)"" sends")]
        public void WhenSends(string chargePoint, string frame) => journal.Add($"{chargePoint} sends {frame}");
    }
}
