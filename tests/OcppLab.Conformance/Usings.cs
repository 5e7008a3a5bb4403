// Step definitions import the runner the way Reqnroll projects import Reqnroll: once, here, so that
// switching to Reqnroll is this line and the package reference.
global using OcppLab.Conformance.Support.Gherkin;
