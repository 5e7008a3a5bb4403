namespace OcppLab.Csms.IdTags;

/// <summary>The id tags the Central System authorizes against.</summary>
public interface IIdTagStore
{
    /// <summary>The tag's record, or null when unknown. Lookup ignores case (CiString, OCPP 1.6 §7.9).</summary>
    IdTagRecord? Find(string idTag);

    /// <summary>Every known tag, ordered by tag.</summary>
    IReadOnlyList<IdTagRecord> All();

    /// <summary>Adds or replaces a tag.</summary>
    void Upsert(IdTagRecord record);

    /// <summary>Removes a tag; false when it was unknown.</summary>
    bool Remove(string idTag);
}
