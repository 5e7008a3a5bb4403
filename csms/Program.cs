using OcppLab.Csms;

return await CentralSystemCommandLine.InvokeAsync(args, CentralSystemCommandLine.RunAsync, Console.Out, Console.Error);

/// <summary>Entry point; public so that tests can host the Central System with WebApplicationFactory.</summary>
public partial class Program;
