#ifndef HUNCH_THREADS_H
#define HUNCH_THREADS_H
#ifdef __cplusplus
extern "C" {
#endif
void Hunch_SetNumThreads(int n);
int Hunch_GetNumThreads(void);
#ifdef __cplusplus
}
#endif
#endif
