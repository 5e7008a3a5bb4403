using OcppLab.Csms;
using OcppLab.Csms.Connections;
using OcppLab.Csms.Dashboard;
using OcppLab.Csms.OperatorApi;
using OcppLab.Csms.Security;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCsms(builder.Configuration);
builder.Services.AddOperatorApi();
builder.AddCsmsTls(args);

var app = builder.Build();
app.UseWebSockets();
app.UseCsmsSecurity();
app.UseOperatorApi();
app.MapOcpp();
app.MapOperatorApi();
app.MapCsmsSecurity();
app.MapDashboard();
await app.RunAsync();

/// <summary>Entry point; public so that tests can host the Central System with WebApplicationFactory.</summary>
public partial class Program;
