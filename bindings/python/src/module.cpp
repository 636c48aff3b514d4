// linkscope._linkscope: the compiled half of the Python package (see linkscope/__init__.py).
#include <fmt/format.h>

#include "convert.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/core/interrupt.hpp"
#include "linkscope/version.hpp"

namespace linkscope::python {
namespace {

// Exception classes: one per engine error, each also a subclass of the Python built-in a
// caller would catch for it (ValueError, KeyError, OSError).
struct Exceptions {
  PyObject* base = nullptr;
  PyObject* input = nullptr;
  PyObject* io = nullptr;
  PyObject* not_found = nullptr;
  PyObject* usage = nullptr;
};
Exceptions exceptions;

PyObject* NewException(py::module_& m, const char* name, py::tuple bases, const char* doc) {
  const std::string qualified = fmt::format("linkscope.{}", name);
  PyObject* cls = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr);
  if (cls == nullptr) throw py::error_already_set();
  m.attr(name) = py::handle(cls);
  return cls;
}

void Raise(PyObject* cls, const std::exception& e) { PyErr_SetString(cls, e.what()); }

void RaiseInput(const InputError& e) {
  py::object cls = py::reinterpret_borrow<py::object>(exceptions.input);
  py::object error = cls(py::str(e.what()));
  error.attr("file") = e.file();
  error.attr("line") = e.line();
  error.attr("column") = e.column();
  error.attr("reason") = e.reason();
  PyErr_SetObject(exceptions.input, error.ptr());
}

}  // namespace
}  // namespace linkscope::python

PYBIND11_MODULE(_linkscope, m) {
  using namespace linkscope;
  using namespace linkscope::python;
  m.doc() = "linkscope's compiled engine; use the linkscope package, not this module.";
  m.attr("__version__") = std::string(Version());

  py::handle exc(PyExc_Exception);
  exceptions.base = NewException(m, "LinkscopeError", py::make_tuple(exc),
                                 "Base of every error linkscope raises on purpose.");
  py::handle base(exceptions.base);
  exceptions.input = NewException(
      m, "InputError", py::make_tuple(base, py::handle(PyExc_ValueError)),
      "Input data is malformed or inconsistent. Attributes: file, line (1-based; for a "
      "DataFrame the row position + 1), column (1-based byte column; 0 when not known) and "
      "reason.");
  exceptions.io = NewException(m, "IoError", py::make_tuple(base, py::handle(PyExc_OSError)),
                               "A file could not be opened, read or written.");
  exceptions.not_found = NewException(
      m, "NotFoundError", py::make_tuple(base, py::handle(PyExc_KeyError)),
      "An external id, kind or link type named by the caller does not exist.");
  exceptions.usage = NewException(
      m, "UsageError", py::make_tuple(base, py::handle(PyExc_ValueError)),
      "An invalid argument or combination of options.");

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const InputError& e) {
      RaiseInput(e);
    } catch (const IoError& e) {
      Raise(exceptions.io, e);
    } catch (const NotFoundError& e) {
      Raise(exceptions.not_found, e);
    } catch (const UsageError& e) {
      Raise(exceptions.usage, e);
    } catch (const Interrupted&) {
      PyErr_SetNone(PyExc_KeyboardInterrupt);
    } catch (const Error& e) {
      Raise(exceptions.base, e);
    }
  });

  BindGraph(m);
  BindAnalysis(m);
}
