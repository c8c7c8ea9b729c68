// The baselines the benchmark compares RolePath's start with: the least an ImGui + GLFW program
// does to show one frame (a GLFW window, an OpenGL 3.3 context, a font atlas, one frame). Built
// twice: rolepath-minimal with RolePath's fonts (the same faces and glyphs), and rolepath-bare
// (ROLEPATH_DEFAULT_FONT) with ImGui's built-in font, the floor issue 17 measures against.
// Prints "first frame" once it is on screen, then exits.
#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>

#ifndef ROLEPATH_DEFAULT_FONT
#include "ui/style.hpp"
#endif

int main() {
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(1280, 800, "minimal", nullptr, nullptr);
  if (!window) return 1;
  glfwMakeContextCurrent(window);
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
#ifdef ROLEPATH_DEFAULT_FONT
  ImGui::GetIO().Fonts->AddFontDefault();
#else
  rp::ui::load_fonts(1.0f);
#endif
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  ImGui::Begin("minimal");
  ImGui::TextUnformatted("One frame.");
  ImGui::End();
  ImGui::Render();
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  glfwSwapBuffers(window);
  glFinish();
  std::puts("first frame");
  std::fflush(stdout);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return 0;
}
