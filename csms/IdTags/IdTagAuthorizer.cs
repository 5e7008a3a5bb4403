using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.IdTags;

/// <summary>
/// Decides the IdTagInfo for Authorize.conf and StartTransaction.conf from the id tag store
/// (OCPP 1.6 §4.1 and §4.8): unknown → Invalid, Blocked, past its expiry → Expired, and, for a start,
/// ConcurrentTx when the tag already has a running transaction.
/// </summary>
public sealed class IdTagAuthorizer(IIdTagStore idTags, ITransactionStore transactions, TimeProvider time)
{
    /// <summary>The IdTagInfo for an Authorize.req or a StopTransaction.req.</summary>
    public IdTagInfo Authorize(string idTag)
    {
        var record = idTags.Find(idTag);
        if (record is null)
        {
            return new IdTagInfo { Status = AuthorizationStatus.Invalid };
        }

        var status = record.Status;
        if (status == AuthorizationStatus.Accepted && record.ExpiryDate is { } expiry && expiry <= time.GetUtcNow())
        {
            status = AuthorizationStatus.Expired;
        }

        return new IdTagInfo { Status = status, ExpiryDate = record.ExpiryDate, ParentIdTag = record.ParentIdTag };
    }

    /// <summary>
    /// The IdTagInfo for a StartTransaction.req on <paramref name="connectorId"/> of <paramref name="chargePointId"/>:
    /// as <see cref="Authorize"/>, but ConcurrentTx when the tag is already in another running transaction
    /// (the spec reserves ConcurrentTx for this message). Only transactions that started Accepted hold their
    /// tag: one answered ConcurrentTx, Invalid or Blocked was refused, and a station that keeps it running
    /// (StopTransactionOnInvalidId=false, OCPP 1.6 §9.1) must not lock the card out of every later start.
    /// A transaction still running on the same connector does not count either: the new start supersedes it.
    /// </summary>
    public IdTagInfo AuthorizeStart(string idTag, string chargePointId, int connectorId)
    {
        var info = Authorize(idTag);
        if (info.Status == AuthorizationStatus.Accepted
            && transactions.Active().Any(t => t.StartAuthorization == AuthorizationStatus.Accepted
                && string.Equals(t.IdTag, idTag, StringComparison.OrdinalIgnoreCase)
                && !(t.ConnectorId == connectorId && string.Equals(t.ChargePointId, chargePointId, StringComparison.Ordinal))))
        {
            return info with { Status = AuthorizationStatus.ConcurrentTx };
        }

        return info;
    }
}
