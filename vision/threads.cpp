#include <opencv2/core.hpp>
#include "threads.h"

void Hunch_SetNumThreads(int n) { cv::setNumThreads(n); }
int Hunch_GetNumThreads(void) { return cv::getNumThreads(); }
