using OcppLab.Csms;

var builder = WebApplication.CreateBuilder(CentralSystemApplication.ConfigurationArguments(args));
builder.AddCentralSystem(args);

var app = builder.Build();
app.UseCentralSystem();
await app.RunAsync();

/// <summary>Entry point; public so that tests can host the Central System with WebApplicationFactory.</summary>
public partial class Program;
