global using OcppLab.Conformance.Support.Gherkin;
