using Targets.Core.Errors;
using Targets.Spreadsheets.Reading;

namespace Targets.Spreadsheets.Tests.Reading;

public sealed class DatasetFileTests
{
    [Theory]
    [InlineData("figures.txt", "figures.txt: the data file's kind '.txt' is not read: give a .json, .xlsx or .csv file")]
    [InlineData("figures.xls", "figures.xls: the file is an old .xls workbook; save it as .xlsx")]
    [InlineData("no-such-folder/figures.xlsx", "no-such-folder/figures.xlsx: the file does not exist")]
    public void Read_WhatIsNotADataFile_IsRefused(string path, string error)
    {
        Should.Throw<DataException>(() => DatasetFile.Read(path)).Message.ShouldBe(error);
    }
}
