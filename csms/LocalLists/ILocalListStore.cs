namespace OcppLab.Csms.LocalLists;

/// <summary>The Local Authorization List state of every station.</summary>
public interface ILocalListStore
{
    /// <summary>The state of <paramref name="chargePointId"/> (<see cref="LocalListState.Unknown"/> when nothing is known).</summary>
    LocalListState Get(string chargePointId);

    /// <summary>Replaces the state of <paramref name="chargePointId"/> by <paramref name="change"/> of it, atomically.</summary>
    LocalListState Update(string chargePointId, Func<LocalListState, LocalListState> change);
}
