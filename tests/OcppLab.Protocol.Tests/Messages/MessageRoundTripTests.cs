using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OcppLab.Protocol.Messages;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Tests.Messages;

public enum PayloadKind
{
    Request,
    Response,
}

[TestFixture]
public sealed class MessageRoundTripTests
{
    public static IEnumerable<TestCaseData> Payloads() =>
        from descriptor in OcppActions.All
        from kind in new[] { PayloadKind.Request, PayloadKind.Response }
        select new TestCaseData(descriptor.Action, kind);

    [TestCaseSource(nameof(Payloads))]
    public void A_sample_serializes_to_schema_valid_json_and_round_trips_to_the_same_json(string action, PayloadKind kind)
    {
        var (sample, typeInfo, schema) = Resolve(action, kind);

        var json = JsonSerializer.Serialize(sample, typeInfo);
        using var document = JsonDocument.Parse(json);
        var violation = schema.Validate(document.RootElement);
        var back = JsonSerializer.Deserialize(json, typeInfo);
        var again = JsonSerializer.Serialize(back, typeInfo);

        Assert.Multiple(() =>
        {
            Assert.That(violation, Is.Null, json);
            Assert.That(back, Is.InstanceOf(typeInfo.Type));
            Assert.That(again, Is.EqualTo(json));
        });
    }

    [TestCaseSource(nameof(Payloads))]
    public void A_sample_sets_every_member_so_the_round_trip_covers_it(string action, PayloadKind kind)
    {
        var (sample, _, _) = Resolve(action, kind);

        var unset = new List<string>();
        CollectUnsetMembers(sample, "$", unset);

        Assert.That(unset, Is.Empty);
    }

    [Test]
    public void Every_action_in_the_catalogue_has_samples_and_no_sample_lacks_an_action()
    {
        Assert.That(MessageSamples.ByAction.Keys, Is.EquivalentTo(OcppActions.All.Select(d => d.Action)));
    }

    [Test]
    public void Every_sample_has_the_request_and_response_types_of_its_action()
    {
        Assert.Multiple(() =>
        {
            foreach (var descriptor in OcppActions.All)
            {
                if (!MessageSamples.ByAction.TryGetValue(descriptor.Action, out var sample))
                {
                    Assert.Fail($"{descriptor.Action} has no sample.");
                    continue;
                }

                Assert.That(sample.Request, Is.TypeOf(descriptor.RequestType), descriptor.Action);
                Assert.That(sample.Response, Is.TypeOf(descriptor.ResponseType), descriptor.Action);
            }
        });
    }

    private static (object Sample, JsonTypeInfo TypeInfo, PayloadSchema Schema) Resolve(string action, PayloadKind kind)
    {
        Assert.That(OcppActions.TryGet(action, out var descriptor), Is.True, $"{action} is not in the catalogue.");
        Assert.That(MessageSamples.ByAction.TryGetValue(action, out var sample), Is.True, $"{action} has no sample.");
        return kind == PayloadKind.Request
            ? (sample!.Request, descriptor!.RequestTypeInfo, descriptor.RequestSchema)
            : (sample!.Response, descriptor!.ResponseTypeInfo, descriptor.ResponseSchema);
    }

    // Walks the payload like the serializer does: every public instance property must hold a value, and
    // every list at least one item, so that no member goes untested by the round trip.
    private static void CollectUnsetMembers(object value, string path, List<string> unset)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var memberPath = $"{path}.{property.Name}";
            var member = property.GetValue(value);
            switch (member)
            {
                case null:
                    unset.Add(memberPath);
                    break;
                case string:
                    break;
                case IEnumerable items:
                    var index = 0;
                    foreach (var item in items)
                    {
                        CollectUnsetMembersOfItem(item, $"{memberPath}[{index}]", unset);
                        index++;
                    }

                    if (index == 0)
                    {
                        unset.Add($"{memberPath} (empty)");
                    }

                    break;
                default:
                    CollectUnsetMembersOfItem(member, memberPath, unset);
                    break;
            }
        }
    }

    private static void CollectUnsetMembersOfItem(object item, string path, List<string> unset)
    {
        if (item.GetType() is { IsClass: true } type && type != typeof(string))
        {
            CollectUnsetMembers(item, path, unset);
        }
    }
}
